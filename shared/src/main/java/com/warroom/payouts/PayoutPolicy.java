package com.warroom.payouts;

import com.warroom.aws.Settings;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The numbers payouts run by: tries per submission before FAILED, the cooling-off after a change of primary wallet, and
 * the retry back-off (exponential from {@code firstRetry}, capped at {@code longestRetry}, full jitter).
 */
public record PayoutPolicy(int maxAttempts, Duration walletCoolingOff, Duration firstRetry, Duration longestRetry) {

    public static final String MAX_ATTEMPTS_SETTING = "WARROOM_PAYOUT_MAX_ATTEMPTS";
    public static final String COOLING_OFF_SETTING = "WARROOM_WALLET_COOLING_OFF";
    public static final PayoutPolicy DEFAULT = new PayoutPolicy(5, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofMinutes(15));

    public PayoutPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a payout is tried at least once: " + maxAttempts);
        }
        if (walletCoolingOff.isNegative() || firstRetry.isNegative() || longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("durations must be non-negative and the longest retry at least the first");
        }
    }

    /** The defaults, with {@code WARROOM_PAYOUT_MAX_ATTEMPTS} and {@code WARROOM_WALLET_COOLING_OFF} (ISO-8601, e.g. PT24H) when set. */
    public static PayoutPolicy fromSettings() {
        int attempts = Settings.find(MAX_ATTEMPTS_SETTING).map(Integer::parseInt).orElse(DEFAULT.maxAttempts());
        Duration coolingOff = Settings.find(COOLING_OFF_SETTING).map(PayoutPolicy::duration).orElse(DEFAULT.walletCoolingOff());
        return new PayoutPolicy(attempts, coolingOff, DEFAULT.firstRetry(), DEFAULT.longestRetry());
    }

    /** The most the wait before try {@code attempt + 1} may be: first retry × 2^(attempt − 1), capped. */
    public Duration retryCeiling(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration ceiling = firstRetry.multipliedBy(factor);
        return ceiling.compareTo(longestRetry) > 0 ? longestRetry : ceiling;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(COOLING_OFF_SETTING + " is not an ISO-8601 duration such as PT24H: " + text, e);
        }
    }
}
