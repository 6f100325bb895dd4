package com.warroom.reconcile.check;

import java.util.Map;
import java.util.TreeMap;

/**
 * Above which difference a money mismatch is HIGH rather than MEDIUM, per currency or asset, in minor units. The
 * defaults are overridden currency by currency by {@value #ENV}, such as {@code IDR=50000000,USDC=10000000}. A
 * currency with no threshold has every mismatch HIGH: nobody decided it is small.
 */
public final class MismatchThresholds {

    public static final String ENV = "WARROOM_RECONCILE_HIGH_MISMATCH_MINOR";

    /** IDR 1,000,000.00; USD 100.00; USDC and USDT 100; ETH 0.05; BNB 0.2; SOL 1. */
    public static final Map<String, Long> DEFAULTS = Map.of(
            "IDR", 100_000_000L,
            "USD", 10_000L,
            "USDC", 100_000_000L,
            "USDT", 100_000_000L,
            "ETH", 50_000_000L,
            "BNB", 200_000_000L,
            "SOL", 1_000_000_000L);

    private final Map<String, Long> highAbove;

    public MismatchThresholds(Map<String, Long> highAbove) {
        this.highAbove = Map.copyOf(highAbove);
    }

    public static MismatchThresholds defaults() {
        return new MismatchThresholds(DEFAULTS);
    }

    /**
     * The defaults with {@code overrides} ({@code CUR=minor,...}) on top.
     *
     * @throws IllegalArgumentException naming the part that is not {@code CUR=minor} with a whole minor ≥ 0
     */
    public static MismatchThresholds parse(String overrides) {
        Map<String, Long> merged = new TreeMap<>(DEFAULTS);
        if (overrides != null && !overrides.isBlank()) {
            for (String part : overrides.split(",")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length != 2 || !pair[0].trim().matches("[A-Z]{3,5}") || !pair[1].trim().matches("[0-9]{1,18}")) {
                    throw new IllegalArgumentException(ENV + " must be CUR=minor,... (such as IDR=100000000): '" + part.trim() + "'");
                }
                merged.put(pair[0].trim(), Long.parseLong(pair[1].trim()));
            }
        }
        return new MismatchThresholds(merged);
    }

    /** HIGH when the difference (either sign) is above the currency's threshold, or it has none; MEDIUM otherwise. */
    public Risk riskOf(String currency, long differenceMinor) {
        Long threshold = highAbove.get(currency);
        return threshold == null || Math.abs(differenceMinor) > threshold ? Risk.HIGH : Risk.MEDIUM;
    }
}
