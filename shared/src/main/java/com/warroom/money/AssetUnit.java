package com.warroom.money;

import java.util.Map;
import java.util.Optional;

/**
 * The crypto assets Warroom keeps books in, each with the number of decimals its ledger amounts carry. Stablecoins keep
 * their on-chain 6; native coins keep 9 (SOL's lamport, ETH's and BNB's gwei), because 18 decimals would not fit a
 * {@code long}. An asset that is not listed here cannot be booked, so a treasury for a new asset needs its unit here first.
 * {@code EXP} is not money: it is the platform's experience points (whole points, 0 decimals), booked in the same ledger
 * so that a reward is posted once and sealed like everything else ({@link com.warroom.support.ExpRewards}).
 */
public final class AssetUnit {

    /** The platform's experience points: whole points, never money. */
    public static final String EXP = "EXP";

    private static final Map<String, Integer> DECIMALS = Map.of(
            "USDC", 6,
            "USDT", 6,
            "ETH", 9,
            "BNB", 9,
            "SOL", 9,
            EXP, 0);

    private AssetUnit() {
    }

    /** The decimals of a known asset's ledger amounts, or empty when {@code symbol} is not a known asset. */
    public static Optional<Integer> decimals(String symbol) {
        return Optional.ofNullable(symbol).map(DECIMALS::get);
    }

    public static boolean isKnown(String symbol) {
        return symbol != null && DECIMALS.containsKey(symbol);
    }
}
