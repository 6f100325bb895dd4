package com.warroom.money;

import static com.warroom.money.FeeRecipient.CREATOR;
import static com.warroom.money.FeeRecipient.REFERRAL;
import static com.warroom.money.FeeRecipient.SBT;
import static com.warroom.money.FeeRecipient.TREASURY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FeeSplitterTest {

    private static final BigInteger WHOLE = BigInteger.valueOf(BasisPoints.WHOLE);

    // ---- examples

    @Test
    void split_whenSharesAreWhole_expectExactShares() {
        FeeSplitter blueCheck = splitter(TREASURY, 7000, REFERRAL, 3000);

        assertThat(blueCheck.split(1000)).containsExactly(new FeePart(TREASURY, 700), new FeePart(REFERRAL, 300));
    }

    @Test
    void split_whenOneUnitBetweenEqualShares_expectItGoesToTheEarlierRecipient() {
        assertThat(splitter(TREASURY, 5000, CREATOR, 5000).split(1))
                .containsExactly(new FeePart(TREASURY, 1), new FeePart(CREATOR, 0));
        assertThat(splitter(CREATOR, 5000, TREASURY, 5000).split(1))
                .containsExactly(new FeePart(CREATOR, 1), new FeePart(TREASURY, 0));
    }

    @Test
    void split_whenLeftoverUnits_expectTheyGoToTheLargestDroppedFractions() {
        // exact shares 3.333, 3.333, 3.334: one unit left, to the largest fraction (.334)
        assertThat(splitter(TREASURY, 3333, REFERRAL, 3333, SBT, 3334).split(10))
                .containsExactly(new FeePart(TREASURY, 3), new FeePart(REFERRAL, 3), new FeePart(SBT, 4));
        // exact shares 0.6668, 0.6666, 0.6666: two units left, to .6668 then the earlier .6666
        assertThat(splitter(TREASURY, 3334, REFERRAL, 3333, SBT, 3333).split(2))
                .containsExactly(new FeePart(TREASURY, 1), new FeePart(REFERRAL, 1), new FeePart(SBT, 0));
    }

    @Test
    void split_whenPresaleFeeSplit80_10_10_expectExactParts() {
        FeeSplitter presale = splitter(TREASURY, 8000, REFERRAL, 1000, SBT, 1000);

        assertThat(presale.split(12_345)).containsExactly(
                new FeePart(TREASURY, 9876), new FeePart(REFERRAL, 1235), new FeePart(SBT, 1234));
    }

    @Test
    void split_whenAmountIsLongMaxValue_expectNoOverflow() {
        assertThat(splitter(TREASURY, 5000, CREATOR, 5000).split(Long.MAX_VALUE)).containsExactly(
                new FeePart(TREASURY, 4_611_686_018_427_387_904L), new FeePart(CREATOR, 4_611_686_018_427_387_903L));
        assertThat(splitter(TREASURY, 10_000).split(Long.MAX_VALUE)).containsExactly(new FeePart(TREASURY, Long.MAX_VALUE));
    }

    @Test
    void split_whenZero_expectZeroParts() {
        assertThat(splitter(TREASURY, 8000, REFERRAL, 1000, SBT, 1000).split(0))
                .extracting(FeePart::minor).containsExactly(0L, 0L, 0L);
    }

    @Test
    void split_whenOneMoreUnitOfFee_expectAPartMayShrink() {
        // the Alabama paradox the class comment warns of: referral's exact share grows from 1.55 to 1.63,
        // but the leftover unit moves to sbt's larger fraction
        FeeSplitter rule = splitter(TREASURY, 3368, REFERRAL, 814, SBT, 5818);

        assertThat(rule.split(19)).extracting(FeePart::minor).containsExactly(6L, 2L, 11L);
        assertThat(rule.split(20)).extracting(FeePart::minor).containsExactly(7L, 1L, 12L);
    }

    @Test
    void split_whenNegative_expectRefused() {
        assertThatThrownBy(() -> splitter(TREASURY, 10_000).split(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void new_whenBpsDoNotAddUpTo10000_expectRefused() {
        assertThatThrownBy(() -> splitter(TREASURY, 5000, CREATOR, 4999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9999");
    }

    @Test
    void new_whenRecipientListedTwice_expectRefused() {
        assertThatThrownBy(() -> splitter(TREASURY, 5000, TREASURY, 5000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("treasury");
    }

    @Test
    void new_whenNoSplits_expectRefused() {
        assertThatThrownBy(() -> new FeeSplitter(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- properties

    @Provide
    Arbitrary<List<FeeSplit>> rules() {
        return Arbitraries.integers().between(1, FeeRecipient.values().length).flatMap(n -> Combinators.combine(
                        Arbitraries.shuffle(FeeRecipient.values()),
                        Arbitraries.integers().between(1, BasisPoints.WHOLE - 1).set().ofSize(n - 1))
                .as((recipients, cuts) -> {
                    int[] bounds = cuts.stream().mapToInt(Integer::intValue).sorted().toArray();
                    List<FeeSplit> splits = new ArrayList<>();
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        int to = i < bounds.length ? bounds[i] : BasisPoints.WHOLE;
                        splits.add(new FeeSplit(recipients.get(i), to - from));
                        from = to;
                    }
                    return splits;
                }));
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.of(0L, 1L, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE / 10_000 * 10_000));
    }

    @Property(tries = 2000)
    void split_forAnyAmountAndRule_expectPartsAddUpToTheAmount(
            @ForAll("amounts") long amount, @ForAll("rules") List<FeeSplit> rule) {
        List<FeePart> parts = new FeeSplitter(rule).split(amount);

        BigInteger total = parts.stream().map(p -> BigInteger.valueOf(p.minor())).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(total).isEqualTo(BigInteger.valueOf(amount));
    }

    @Property(tries = 2000)
    void split_forAnyAmountAndRule_expectEachPartIsItsExactShareRoundedDownOrUp(
            @ForAll("amounts") long amount, @ForAll("rules") List<FeeSplit> rule) {
        List<FeePart> parts = new FeeSplitter(rule).split(amount);

        assertThat(parts).extracting(FeePart::to).containsExactlyElementsOf(rule.stream().map(FeeSplit::to).toList());
        for (int i = 0; i < rule.size(); i++) {
            BigInteger[] exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rule.get(i).bps())).divideAndRemainder(WHOLE);
            long floor = exact[0].longValueExact();
            long part = parts.get(i).minor();
            if (exact[1].signum() == 0) {
                assertThat(part).as("whole share of split %d", i).isEqualTo(floor);
            } else {
                assertThat(part).as("share of split %d", i).isBetween(floor, floor + 1);
            }
        }
    }

    @Property(tries = 2000)
    void split_forAnyAmountAndRule_expectLeftoverUnitsGoToLargestDroppedFractionsThenEarlierSplits(
            @ForAll("amounts") long amount, @ForAll("rules") List<FeeSplit> rule) {
        List<FeePart> parts = new FeeSplitter(rule).split(amount);

        int n = rule.size();
        long[] dropped = new long[n];
        boolean[] roundedUp = new boolean[n];
        for (int i = 0; i < n; i++) {
            BigInteger[] exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rule.get(i).bps())).divideAndRemainder(WHOLE);
            dropped[i] = exact[1].longValueExact();
            roundedUp[i] = parts.get(i).minor() > exact[0].longValueExact();
        }
        for (int up = 0; up < n; up++) {
            for (int down = 0; down < n; down++) {
                if (roundedUp[up] && !roundedUp[down]) {
                    assertThat(dropped[up] > dropped[down] || (dropped[up] == dropped[down] && up < down))
                            .as("split %d rounded up before split %d (dropped %s)", up, down, Arrays.toString(dropped))
                            .isTrue();
                }
            }
        }
    }

    @Property(tries = 500)
    void split_forAnyAmountAndRule_expectTheSamePartsEveryTime(
            @ForAll("amounts") long amount, @ForAll("rules") List<FeeSplit> rule) {
        assertThat(new FeeSplitter(rule).split(amount)).isEqualTo(new FeeSplitter(List.copyOf(rule)).split(amount));
    }

    @Property(tries = 500)
    void split_forMultiplesOf10000_expectNoRounding(
            @ForAll("rules") List<FeeSplit> rule, @ForAll("amounts") long amount) {
        long multiple = amount / BasisPoints.WHOLE;
        List<FeePart> parts = new FeeSplitter(rule).split(multiple * BasisPoints.WHOLE);

        for (int i = 0; i < rule.size(); i++) {
            assertThat(parts.get(i).minor()).isEqualTo(multiple * rule.get(i).bps());
        }
    }

    private static FeeSplitter splitter(Object... recipientsAndBps) {
        List<FeeSplit> splits = new ArrayList<>();
        for (int i = 0; i < recipientsAndBps.length; i += 2) {
            splits.add(new FeeSplit((FeeRecipient) recipientsAndBps[i], (Integer) recipientsAndBps[i + 1]));
        }
        return new FeeSplitter(splits);
    }
}
