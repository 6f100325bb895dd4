package com.warroom.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** External ids at the rail: one per payout and submission, never another payout's. */
class PayoutExternalIdTest {

    @Test
    void externalId_whenFirstSubmission_isThePayoutId() {
        assertThat(Payout.externalId("P-1", 1)).isEqualTo("P-1");
        assertThat(Payout.payoutIdOf("P-1")).isEqualTo("P-1");
    }

    @Test
    void externalId_whenLaterSubmission_marksItAndLeadsBackToThePayout() {
        assertThat(Payout.externalId("P-1", 2)).isEqualTo("P-1~r2");
        assertThat(Payout.payoutIdOf("P-1~r2")).isEqualTo("P-1");
        assertThat(Payout.payoutIdOf("P-1~r9999")).isEqualTo("P-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A.r2", "A.r", "A-r2", "r2", "A.r02"})
    void payoutIdOf_whenThePayoutIdLooksLikeASubmission_isThatPayoutItself(String payoutId) {
        assertThat(Payout.isValidId(payoutId)).isTrue();
        assertThat(Payout.payoutIdOf(payoutId)).isEqualTo(payoutId);
        assertThat(Payout.externalId(payoutId, 1)).isNotEqualTo(Payout.externalId("A", 2));
    }

    @Test
    void isValidId_whenItHoldsTheSubmissionMark_isRefused() {
        assertThat(Payout.isValidId("A~r2")).isFalse();
    }
}
