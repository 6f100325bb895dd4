package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalStatusTest {

    @Test
    void canBecome_allowsOnlyTheDocumentedTransitions() {
        for (ApprovalStatus from : ApprovalStatus.values()) {
            Set<ApprovalStatus> next = EnumSet.noneOf(ApprovalStatus.class);
            Arrays.stream(ApprovalStatus.values()).filter(from::canBecome).forEach(next::add);
            Set<ApprovalStatus> expected = switch (from) {
                case PENDING -> EnumSet.of(ApprovalStatus.APPROVED, ApprovalStatus.REJECTED, ApprovalStatus.EXPIRED, ApprovalStatus.FAILED);
                case APPROVED -> EnumSet.of(ApprovalStatus.APPLIED, ApprovalStatus.FAILED);
                default -> EnumSet.noneOf(ApprovalStatus.class);
            };
            assertThat(next).as(from.name()).isEqualTo(expected);
            assertThat(from.terminal()).as(from.name()).isEqualTo(expected.isEmpty());
        }
    }

    @Test
    void parse_readsExactNamesOnly() {
        assertThat(ApprovalStatus.parse("APPLIED")).contains(ApprovalStatus.APPLIED);
        assertThat(ApprovalStatus.parse("applied")).isEmpty();
        assertThat(ApprovalStatus.parse(null)).isEmpty();
        assertThat(ApprovalStatus.catalogue()).isEqualTo("PENDING, APPROVED, REJECTED, EXPIRED, APPLIED, FAILED");
        assertThat(Decision.parse("APPROVED")).contains(Decision.APPROVED);
        assertThat(Decision.parse("approve")).isEmpty();
        assertThat(Decision.REJECTED.status()).isEqualTo(ApprovalStatus.REJECTED);
    }
}
