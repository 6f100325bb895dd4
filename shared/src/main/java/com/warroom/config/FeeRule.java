package com.warroom.config;

import com.warroom.money.BasisPoints;
import com.warroom.money.FeePart;
import com.warroom.money.FeeSplit;
import com.warroom.money.FeeSplitter;
import com.warroom.money.Money;
import java.util.List;
import java.util.Objects;

/** How one fee is charged and who gets which share of it. */
public sealed interface FeeRule permits FeeRule.Percentage, FeeRule.Flat {

    /** Each share in basis points of the fee; they name distinct recipients and add up to 10,000. */
    List<FeeSplit> splits();

    /** The shares of a fee already charged, exactly: see {@link FeeSplitter} for the remainder rule. */
    default List<FeePart> split(long feeMinor) {
        return new FeeSplitter(splits()).split(feeMinor);
    }

    /** A fee of {@code rateBps} basis points of the amount it is charged on (150 = 1.5%). */
    record Percentage(int rateBps, List<FeeSplit> splits) implements FeeRule {
        public Percentage {
            if (rateBps < 1 || rateBps > BasisPoints.WHOLE) {
                throw new IllegalArgumentException("rateBps must be within 1.." + BasisPoints.WHOLE + ": " + rateBps);
            }
            splits = new FeeSplitter(splits).splits();
        }

        /** The fee on {@code amountMinor}, rounded down to the minor unit (see {@link BasisPoints}). */
        public long feeOn(long amountMinor) {
            return BasisPoints.floorShare(amountMinor, rateBps);
        }
    }

    /** A fixed fee, such as $10.00 for a blue check. */
    record Flat(Money amount, List<FeeSplit> splits) implements FeeRule {
        public Flat {
            Objects.requireNonNull(amount, "amount");
            if (amount.minor() < 1) {
                throw new IllegalArgumentException("a flat fee is at least one minor unit: " + amount);
            }
            splits = new FeeSplitter(splits).splits();
        }
    }
}

