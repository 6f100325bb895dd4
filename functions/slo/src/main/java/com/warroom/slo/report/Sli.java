package com.warroom.slo.report;

import com.warroom.slo.Slo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One SLI of a report: the share of good events in the window ({@code good / total}) against the SLO's objective, and
 * how much of the error budget ({@code 1 - objective}) the bad events left: {@code 1 - (bad / total) / budget}, below 0
 * when it is overspent. Exact decimals throughout (ratios to {@link #SCALE} places, rounded down so that a ratio is
 * never reported better than it is); {@code p95Ms} for a latency SLI when the source can say it.
 */
public record Sli(String id, String name, BigDecimal objective, Optional<BigDecimal> actual, long good, long total,
                  Optional<BigDecimal> errorBudgetRemaining, SliStatus status) {

    /** Decimal places of a reported ratio. */
    public static final int SCALE = 6;
    /** Below this share of its error budget left, a met SLI is AT_RISK. */
    public static final BigDecimal AT_RISK_BELOW = new BigDecimal("0.25");

    public Sli {
        if (good < 0 || total < 0 || good > total) {
            throw new IllegalArgumentException("good " + good + " of total " + total + " is not a count of events");
        }
    }

    /** The SLI of {@code slo} from its window's counts. */
    public static Sli of(Slo slo, long good, long total) {
        if (total == 0) {
            return new Sli(slo.id(), slo.name(), slo.objective(), Optional.empty(), 0, 0, Optional.empty(), SliStatus.NO_DATA);
        }
        BigDecimal all = BigDecimal.valueOf(total);
        BigDecimal actual = BigDecimal.valueOf(good).divide(all, SCALE, RoundingMode.DOWN);
        BigDecimal badShare = BigDecimal.valueOf(total - good).divide(all, 2 * SCALE, RoundingMode.UP);
        // spent share of the budget rounded up, so the remainder is never reported larger than it is
        BigDecimal spent = badShare.divide(slo.errorBudget(), SCALE, RoundingMode.UP);
        BigDecimal remaining = BigDecimal.ONE.subtract(spent).setScale(SCALE, RoundingMode.DOWN);
        SliStatus status = BigDecimal.valueOf(good).compareTo(slo.objective().multiply(all)) < 0 ? SliStatus.BREACHED
                : remaining.compareTo(AT_RISK_BELOW) < 0 ? SliStatus.AT_RISK : SliStatus.MET;
        return new Sli(slo.id(), slo.name(), slo.objective(), Optional.of(actual), good, total, Optional.of(remaining), status);
    }
}
