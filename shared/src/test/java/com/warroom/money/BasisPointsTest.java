package com.warroom.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BasisPointsTest {

    @Test
    void floorShare_whenFractionalShare_expectRoundedDown() {
        assertThat(BasisPoints.floorShare(1, 150)).isZero();           // 0.015
        assertThat(BasisPoints.floorShare(66, 150)).isZero();          // 0.99
        assertThat(BasisPoints.floorShare(67, 150)).isEqualTo(1);      // 1.005
        assertThat(BasisPoints.floorShare(66_666, 150)).isEqualTo(999); // 999.99
        assertThat(BasisPoints.floorShare(10_000, 150)).isEqualTo(150);
    }

    @Test
    void floorShare_whenLongMaxValue_expectExact() {
        assertThat(BasisPoints.floorShare(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(BasisPoints.floorShare(Long.MAX_VALUE, 9_999)).isEqualTo(
                BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(9_999)).divide(BigInteger.valueOf(10_000)).longValueExact());
    }

    @Test
    void droppedFraction_whenShareIsFractional_expectTheDroppedTenThousandths() {
        assertThat(BasisPoints.droppedFraction(66_666, 150)).isEqualTo(9_900); // 999.99
        assertThat(BasisPoints.droppedFraction(10_000, 150)).isZero();
    }

    @Test
    void floorShare_whenOutOfRange_expectRefused() {
        assertThatThrownBy(() -> BasisPoints.floorShare(-1, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasisPoints.floorShare(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasisPoints.floorShare(1, 10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(0, Long.MAX_VALUE));
    }

    @Property(tries = 2000)
    void floorShare_forAnyAmountAndBps_expectTheExactShareRoundedDown(
            @ForAll("amounts") long amount, @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        BigInteger[] exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(bps))
                .divideAndRemainder(BigInteger.valueOf(BasisPoints.WHOLE));

        assertThat(BasisPoints.floorShare(amount, bps)).isEqualTo(exact[0].longValueExact());
        assertThat(BasisPoints.droppedFraction(amount, bps)).isEqualTo(exact[1].intValueExact());
    }

    @Property(tries = 1000)
    void floorShare_forLargerAmount_expectNoSmallerFee(
            @ForAll("amounts") long a, @ForAll("amounts") long b, @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        long low = Math.min(a, b);
        long high = Math.max(a, b);

        assertThat(BasisPoints.floorShare(low, bps)).isLessThanOrEqualTo(BasisPoints.floorShare(high, bps));
    }

    @Property(tries = 1000)
    void floorShare_forHigherRate_expectNoSmallerFee(
            @ForAll("amounts") long amount, @ForAll @IntRange(min = 0, max = 10_000) int a,
            @ForAll @IntRange(min = 0, max = 10_000) int b) {
        assertThat(BasisPoints.floorShare(amount, Math.min(a, b))).isLessThanOrEqualTo(BasisPoints.floorShare(amount, Math.max(a, b)));
    }

    @Property(tries = 1000)
    void floorShare_forAnyAmountAndBps_expectAtMostTheAmount(
            @ForAll("amounts") long amount, @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        assertThat(BasisPoints.floorShare(amount, bps)).isBetween(0L, amount);
    }
}
