package com.warroom.money;

/**
 * Basis-point arithmetic on minor units, exact for every amount up to {@link Long#MAX_VALUE}.
 *
 * <p>A share is rounded <b>down</b> (floor): a percentage fee never charges more than its rate, and
 * it is what a contract's integer division {@code amount * bps / 10000} gives, so fees computed here
 * can be reconciled with on-chain fees unit for unit.
 */
public final class BasisPoints {

    /** 100%. */
    public static final int WHOLE = 10_000;

    private BasisPoints() {
    }

    /** floor(amountMinor × bps / 10,000), for amountMinor ≥ 0 and 0 ≤ bps ≤ 10,000. */
    public static long floorShare(long amountMinor, int bps) {
        check(amountMinor, bps);
        // amount = q·10000 + r, so amount·bps/10000 = q·bps + r·bps/10000: neither product can overflow
        return amountMinor / WHOLE * bps + amountMinor % WHOLE * bps / WHOLE;
    }

    /**
     * The fractional part of {@code amountMinor × bps / 10,000}, in ten-thousandths of a minor unit
     * (0..9,999): what {@link #floorShare} dropped.
     */
    public static int droppedFraction(long amountMinor, int bps) {
        check(amountMinor, bps);
        return (int) (amountMinor % WHOLE * bps % WHOLE);
    }

    private static void check(long amountMinor, int bps) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amount must be >= 0: " + amountMinor);
        }
        if (bps < 0 || bps > WHOLE) {
            throw new IllegalArgumentException("bps must be within 0.." + WHOLE + ": " + bps);
        }
    }
}
