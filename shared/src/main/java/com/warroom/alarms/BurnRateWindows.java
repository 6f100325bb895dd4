package com.warroom.alarms;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook (chapter "Alerting on SLOs") as Sloth generates
 * them for a 30-day objective: an alert goes off when the error ratio is over {@code factor × (1 − objective)} in both its
 * long window (enough budget burnt to matter) and its short one (still burning now, so it clears soon after a fix).
 * 14.4× over an hour spends 2 % of a 30-day budget; 6× over 6 hours 5 %; 3× over a day and 1× over 3 days 10 %.
 */
public record BurnRateWindows(Severity severity, BigDecimal factor, Duration longWindow, Duration shortWindow) {

    /** What an alert asks of people: a page now, or a ticket for working hours. */
    public enum Severity {
        PAGE, TICKET;

        /** {@code page}, {@code ticket}: in alarm names. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The four alerts, fastest first. */
    public static final List<BurnRateWindows> SRE_WORKBOOK = List.of(
            new BurnRateWindows(Severity.PAGE, new BigDecimal("14.4"), Duration.ofHours(1), Duration.ofMinutes(5)),
            new BurnRateWindows(Severity.PAGE, new BigDecimal("6"), Duration.ofHours(6), Duration.ofMinutes(30)),
            new BurnRateWindows(Severity.TICKET, new BigDecimal("3"), Duration.ofDays(1), Duration.ofHours(2)),
            new BurnRateWindows(Severity.TICKET, BigDecimal.ONE, Duration.ofDays(3), Duration.ofHours(6)));

    public BurnRateWindows {
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("a burn rate is positive: " + factor);
        }
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("the short window is shorter than the long one: " + shortWindow + " / " + longWindow);
        }
    }

    /** The error ratio over which a window burns at this rate: {@code factor × (1 − objective)}, e.g. 14.4 × 0.001 = 0.0144. */
    public BigDecimal threshold(BigDecimal objective) {
        if (objective.signum() <= 0 || objective.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("an objective is a ratio between 0 and 1: " + objective);
        }
        return factor.multiply(BigDecimal.ONE.subtract(objective)).stripTrailingZeros();
    }

    /** {@code 14.4x}: the factor as alarm names show it. */
    public String factorLabel() {
        return factor.stripTrailingZeros().toPlainString() + "x";
    }

    /** {@code 5m}, {@code 1h}, {@code 3d}: a window as alarm names show it. */
    public static String label(Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() + "d";
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return window.toHours() + "h";
        }
        return window.toMinutes() + "m";
    }
}
