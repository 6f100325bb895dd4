package com.warroom.money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Splits a fee among its recipients exactly: the parts always add up to the fee, to the minor unit.
 *
 * <p>Remainder rule (largest remainder, Hamilton's method): each recipient first gets the floor of
 * its exact share, {@code floor(fee × bps / 10,000)}. The few minor units left over (at most one
 * fewer than the number of recipients) go one each to the recipients whose shares lost the largest
 * fractions; on equal fractions, to the recipient listed earlier in the rule. So every part is its
 * exact share rounded down or up, never further off, and the same fee and rule always give the same
 * parts. A part is not guaranteed to grow with the fee (the Alabama paradox of this method: one more
 * minor unit of fee can move a rounding unit from one recipient to another).
 */
public final class FeeSplitter {

    private final List<FeeSplit> splits;

    /** Splits must name distinct recipients and their bps must add up to exactly 10,000. */
    public FeeSplitter(List<FeeSplit> splits) {
        this.splits = List.copyOf(splits);
        if (this.splits.isEmpty()) {
            throw new IllegalArgumentException("a fee needs at least one recipient");
        }
        int total = this.splits.stream().mapToInt(FeeSplit::bps).sum();
        if (total != BasisPoints.WHOLE) {
            throw new IllegalArgumentException("split bps must add up to " + BasisPoints.WHOLE + ", not " + total);
        }
        Set<FeeRecipient> seen = EnumSet.noneOf(FeeRecipient.class);
        for (FeeSplit split : this.splits) {
            if (!seen.add(split.to())) {
                throw new IllegalArgumentException("recipient listed twice: " + split.to().wireName());
            }
        }
    }

    public List<FeeSplit> splits() {
        return splits;
    }

    /** The parts of a fee of {@code feeMinor} ≥ 0 minor units, one per split, in the rule's order. */
    public List<FeePart> split(long feeMinor) {
        if (feeMinor < 0) {
            throw new IllegalArgumentException("a fee cannot be negative: " + feeMinor);
        }
        int n = splits.size();
        long[] parts = new long[n];
        int[] dropped = new int[n];
        long leftover = feeMinor;
        for (int i = 0; i < n; i++) {
            parts[i] = BasisPoints.floorShare(feeMinor, splits.get(i).bps());
            dropped[i] = BasisPoints.droppedFraction(feeMinor, splits.get(i).bps());
            leftover -= parts[i];
        }
        // a stable sort keeps the rule's order among equal fractions
        int[] byDroppedFraction = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> dropped[i]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
        for (int k = 0; k < leftover; k++) {
            parts[byDroppedFraction[k]]++;
        }
        List<FeePart> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new FeePart(splits.get(i).to(), parts[i]));
        }
        return List.copyOf(result);
    }
}
