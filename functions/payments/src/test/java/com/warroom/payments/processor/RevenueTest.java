package com.warroom.payments.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.ledger.AccountId;
import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.money.Money;
import com.warroom.payments.Revenue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RevenueTest {

    private static final Revenue BLUE_CHECK = new Revenue.Fees("blue_check",
            List.of(new FeeSplit(FeeRecipient.TREASURY, 7000), new FeeSplit(FeeRecipient.REFERRAL, 3000)));

    @Test
    void credits_splitTheAmountExactly_byTheRule() {
        assertThat(BLUE_CHECK.credits(new Money("IDR", 15_000_001))).extracting(p -> p.account().value() + "=" + p.amount().minor())
                .containsExactly("fees:blue_check:treasury=10500001", "fees:blue_check:referral=4500000");
        assertThat(new Revenue.Courses().credits(new Money("IDR", 15_000_000))).singleElement()
                .satisfies(p -> assertThat(p.account()).isEqualTo(new AccountId("revenue:courses")));
    }

    @Test
    void encode_andDecode_roundTrip() {
        assertThat(BLUE_CHECK.encode()).isEqualTo("fees:blue_check:treasury=7000,referral=3000");
        assertThat(Revenue.decode(BLUE_CHECK.encode())).contains(BLUE_CHECK);
        assertThat(Revenue.decode("courses")).contains(new Revenue.Courses());
        assertThat(Revenue.decode("fees:x:nobody=10000")).isEmpty();
        assertThat(Revenue.decode("fees:x:treasury=5000")).isEmpty();
        assertThat(Revenue.decode("something")).isEmpty();
    }

    @Test
    void refundsBetweenTotals_addUpToThePayment_accountByAccount_whateverTheSteps() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            long amount = 1 + random.nextInt(10_000_000);
            Map<AccountId, Long> reversed = new HashMap<>();
            long refunded = 0;
            while (refunded < amount) {
                long next = Math.min(amount, refunded + 1 + random.nextInt((int) Math.max(1, amount / 3)));
                Map<AccountId, Long> before = BLUE_CHECK.amountsOf(refunded);
                long from = refunded;
                BLUE_CHECK.amountsOf(next).forEach((account, total) -> reversed.merge(account, total - before.getOrDefault(account, 0L), Long::sum));
                assertThat(BLUE_CHECK.amountsOf(next).values().stream().mapToLong(Long::longValue).sum() - (from)).isEqualTo(next - from);
                refunded = next;
            }
            assertThat(reversed).isEqualTo(BLUE_CHECK.amountsOf(amount));
        }
    }
}
