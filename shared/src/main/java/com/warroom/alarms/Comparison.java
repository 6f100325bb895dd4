package com.warroom.alarms;

/** How a period's value is compared with the threshold; names as CloudWatch's ComparisonOperator. */
public enum Comparison {
    GREATER_THAN_OR_EQUAL_TO_THRESHOLD(">="),
    GREATER_THAN_THRESHOLD(">"),
    LESS_THAN_THRESHOLD("<"),
    LESS_THAN_OR_EQUAL_TO_THRESHOLD("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
        };
    }

    public String symbol() {
        return symbol;
    }
}
