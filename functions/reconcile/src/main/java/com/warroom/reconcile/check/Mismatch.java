package com.warroom.reconcile.check;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;

/** How findings say amounts, and the action that goes with a risk. */
final class Mismatch {

    private Mismatch() {
    }

    /** {@code "150000.00 IDR"}; the minor units alone for a unit Warroom does not know. */
    /** ISO 4217's code for "no currency": what a mismatch is written in when neither side named its currency or asset. */
    static final String NO_CURRENCY = "XXX";

    static String amount(String currency, long minor) {
        if (!Money.isUnit(currency)) {
            return minor + " (minor units of " + currency + ")";
        }
        return DecimalAmount.format(new Money(currency, minor)) + " " + currency;
    }

    /** The difference {@code actual - expected}, signed. */
    static String difference(String currency, long expected, long actual) {
        long d = actual - expected;
        return (d > 0 ? "+" : "") + amount(currency, d);
    }

    /**
     * A money mismatch of {@code check} on {@code subject}: {@code expected} against {@code actual} (minor units of
     * {@code currency}, each said after its label), as risky as its difference.
     */
    static FindingDraft money(String check, String subject, Sides sides, MismatchThresholds thresholds) {
        Risk risk = thresholds.riskOf(sides.currency(), sides.actual() - sides.expected());
        return new FindingDraft(check, subject, sides.expectedLabel() + ": " + amount(sides.currency(), sides.expected()),
                sides.actualLabel() + ": " + amount(sides.currency(), sides.actual()),
                difference(sides.currency(), sides.expected(), sides.actual()), risk, actionFor(risk), "#reconcile-" + check);
    }

    /** The two sides of a money comparison, each with what it is. */
    record Sides(String currency, String expectedLabel, long expected, String actualLabel, long actual) {
    }

    /** HIGH: funds at risk, escalate; MEDIUM: a person corrects it; LOW: expected to clear by itself. */
    static Action actionFor(Risk risk) {
        return switch (risk) {
            case HIGH -> Action.ESCALATE;
            case MEDIUM -> Action.MANUAL_REVIEW;
            case LOW -> Action.RETRY;
        };
    }
}
