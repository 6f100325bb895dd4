package com.warroom.config;

import static com.warroom.money.FeeRecipient.CREATOR;
import static com.warroom.money.FeeRecipient.REFERRAL;
import static com.warroom.money.FeeRecipient.SBT;
import static com.warroom.money.FeeRecipient.TREASURY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.money.FeePart;
import com.warroom.money.FeeSplit;
import com.warroom.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

    private static final List<FeeSplit> HALVES = List.of(new FeeSplit(TREASURY, 5000), new FeeSplit(CREATOR, 5000));

    @Test
    void feeOn_whenBondingSwap_expectOnePointFivePercentRoundedDown() {
        FeeRule.Percentage swap = new FeeRule.Percentage(150, HALVES);

        assertThat(swap.feeOn(1_000_000)).isEqualTo(15_000);
        assertThat(swap.feeOn(1_333)).isEqualTo(19);   // 19.995
        assertThat(swap.feeOn(66)).isZero();           // 0.99
    }

    @Test
    void split_whenSwapFeeIsOdd_expectTreasuryGetsTheOddUnit() {
        FeeRule.Percentage swap = new FeeRule.Percentage(150, HALVES);

        assertThat(swap.split(swap.feeOn(1_333))).containsExactly(new FeePart(TREASURY, 10), new FeePart(CREATOR, 9));
    }

    @Test
    void split_whenPresaleSuccessFee_expectEightyTenTen() {
        FeeRule.Percentage presale = new FeeRule.Percentage(500, List.of(
                new FeeSplit(TREASURY, 8000), new FeeSplit(REFERRAL, 1000), new FeeSplit(SBT, 1000)));

        long fee = presale.feeOn(250_000_00L);   // 5% of 250,000.00
        assertThat(fee).isEqualTo(12_500_00L);
        assertThat(presale.split(fee)).containsExactly(
                new FeePart(TREASURY, 10_000_00L), new FeePart(REFERRAL, 1_250_00L), new FeePart(SBT, 1_250_00L));
    }

    @Test
    void new_whenRuleBreaksItsInvariants_expectRefused() {
        assertThatThrownBy(() -> new FeeRule.Percentage(0, HALVES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeRule.Percentage(10_001, HALVES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeRule.Percentage(150, List.of(new FeeSplit(TREASURY, 9000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeRule.Flat(new Money("USD", 0), HALVES)).isInstanceOf(IllegalArgumentException.class);
    }
}
