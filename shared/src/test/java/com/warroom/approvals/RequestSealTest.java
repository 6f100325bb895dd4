package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.http.Caller;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What an approval request's seal covers, and what it leaves to the later steps. */
class RequestSealTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final ApprovalRequest REQUEST = ApprovalRequest.pending("a-1", "ENABLE_FUND_FLAG",
            "{\"enabled\":true,\"flag\":\"contribute\",\"scope\":\"round:T4\"}",
            new Caller("ops-mallory", "mallory@ops.example", Set.of(Role.OPS, Role.SUPER_ADMIN)), "Investigation closed",
            NOW, Duration.ofHours(24));

    private static byte[] canonical(UnaryOperator<ApprovalRequest.Builder> change) {
        return RequestSeal.canonical(change.apply(REQUEST.toBuilder()).build(), 7);
    }

    @Test
    void canonical_changesWithEveryFieldThatDecidesWhoMayApproveWhat() {
        byte[] sealed = RequestSeal.canonical(REQUEST, 7);
        List<UnaryOperator<ApprovalRequest.Builder>> changes = List.of(
                b -> b.id("a-2"),
                b -> b.action("CONFIG_CHANGE"),
                b -> b.payloadHash("0".repeat(64)),
                b -> b.requestedBy("root-bob"),
                b -> b.requestedByEmail("bob@root.example"),
                b -> b.requestedByEmail(null),
                b -> b.requestedByRoles(List.of("ops")),
                b -> b.requestedByRoles(List.of("ops", "super_admin", "finance")),
                b -> b.requestedAt(NOW.minusSeconds(1).toString()),
                b -> b.expiresAt(NOW.plus(Duration.ofDays(30)).toString()));
        for (UnaryOperator<ApprovalRequest.Builder> change : changes) {
            assertThat(canonical(change)).isNotEqualTo(sealed);
        }
        assertThat(RequestSeal.canonical(REQUEST, 8)).as("the seq of the approval.requested entry").isNotEqualTo(sealed);
    }

    @Test
    void canonical_ignoresRoleOrderAndWhatLaterStepsChange() {
        byte[] sealed = RequestSeal.canonical(REQUEST, 7);
        assertThat(canonical(b -> b.requestedByRoles(List.of("super_admin", "ops")))).isEqualTo(sealed);
        // the decision, status, task token and outcome change through the workflow; the decision's audit entry proves those
        assertThat(canonical(b -> b.status(ApprovalStatus.APPROVED).version(3L).taskToken("t").decidedBy("root-bob")
                .decidedByRoles(List.of("super_admin")).approvedHash(REQUEST.payloadHash()).decisionAuditSeq(9L)
                .outcome("o").reason("another reason"))).isEqualTo(sealed);
    }

    @Test
    void canonical_staysWithinWhatKmsMacs_whateverTheClaims() {
        assertThat(canonical(b -> b.requestedByEmail("x".repeat(10_000)).requestedBy("y".repeat(10_000)))).hasSizeLessThan(4096);
    }

    @Test
    void sealed_isMadeOverTheAuditSeqAndVerifiesOnlyForThatRequest() {
        HmacSealer sealer = new HmacSealer("k1");
        ApprovalRequest sealed = RequestSeal.sealed(REQUEST, 7, sealer);
        RequestSeal seal = sealed.requestSeal();
        assertThat(seal.auditSeq()).isEqualTo(7);
        assertThat(seal.keyId()).isEqualTo(HmacSealer.KEY_ID);
        assertThat(seal.complete()).isTrue();
        assertThat(sealer.verify(RequestSeal.canonical(sealed, 7), seal.seal())).isInstanceOf(Verification.Valid.class);
        assertThat(sealer.verify(RequestSeal.canonical(sealed.toBuilder().requestedBy("root-bob").build(), 7), seal.seal()))
                .isInstanceOf(Verification.Invalid.class);
        assertThat(new HmacSealer("another key").verify(RequestSeal.canonical(sealed, 7), seal.seal()))
                .isInstanceOf(Verification.Invalid.class);
        assertThat(new RequestSeal(7L, null, "k").complete()).isFalse();
        assertThat(new RequestSeal(null, "bWFj", "k").complete()).isFalse();
        assertThat(new RequestSeal(7L, "bWFj", " ").complete()).isFalse();
    }
}
