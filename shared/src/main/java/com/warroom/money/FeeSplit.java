package com.warroom.money;

import java.util.Objects;

/** One recipient's share of a fee, in basis points of the fee (10,000 = all of it). */
public record FeeSplit(FeeRecipient to, int bps) {

    public FeeSplit {
        Objects.requireNonNull(to, "to");
        if (bps < 1 || bps > BasisPoints.WHOLE) {
            throw new IllegalArgumentException("bps must be within 1.." + BasisPoints.WHOLE + ": " + bps);
        }
    }
}
