package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.audit.AuditHasher;
import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static ApprovalRequest everyFieldSet() {
        return new ApprovalRequest("a-1", "ENABLE_FUND_FLAG", "{\"x\":1}", AuditHasher.sha256Hex("{\"x\":1}"), "APPLIED",
                "ops-alice", "alice@ops.example", List.of("ops"), "Because it is safe now", NOW.toString(),
                NOW.plus(Duration.ofHours(24)).toString(), 6, NOW.plusSeconds(1).toString(), "token-1", NOW.plusSeconds(2).toString(),
                "root-bob", "bob@root.example", List.of("super_admin"), "Looked at it", NOW.plusSeconds(3).toString(),
                AuditHasher.sha256Hex("{\"x\":1}"), 41L, "flag enabled at version 2", NOW.plusSeconds(4).toString(),
                NOW.plusSeconds(5).toString(), 43, new RequestSeal(2L, "bWFj", "arn:aws:kms:eu-west-1:1:key/k"));
    }

    @Test
    void schema_roundTripsEveryAttribute() {
        ApprovalRequest request = everyFieldSet();
        var item = ApprovalRequest.SCHEMA.itemToMap(request, true);
        assertThat(item).hasSize(29).containsKeys("requestAuditSeq", "requestMac", "requestKeyId");
        assertThat(ApprovalRequest.SCHEMA.mapToItem(item)).isEqualTo(request);
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }

    @Test
    void schema_leavesOutWhatTheRequestingRouteDoesNotSet() {
        ApprovalRequest recorded = new ApprovalRequest("a-2", "ENABLE_FUND_FLAG", "{}", AuditHasher.sha256Hex("{}"), "PENDING",
                "ops-alice", "alice@ops.example", List.of("ops"), "Because it is safe now", NOW.toString(),
                NOW.plus(Duration.ofHours(24)).toString(), 1);
        var item = ApprovalRequest.SCHEMA.itemToMap(recorded, true);
        assertThat(item).doesNotContainKeys("taskToken", "decidedBy", "approvedHash", "closedAt", "decisionAuditSeq",
                "requestMac", "requestKeyId", "requestAuditSeq");
        ApprovalRequest read = ApprovalRequest.SCHEMA.mapToItem(item);
        assertThat(read).isEqualTo(recorded);
        assertThat(read.requestSeal()).as("an unsealed row reads as having no seal").isNull();
        assertThat(read.decidedByRoles()).isEmpty();
        assertThat(read.closed()).isFalse();
    }

    @Test
    void pending_bindsTheRequestToItsPayloadHash() {
        Caller alice = new Caller("ops-alice", "alice@ops.example", Set.of(Role.OPS));
        ApprovalRequest request = ApprovalRequest.pending("a-3", "ENABLE_FUND_FLAG", "{\"a\":1}", alice, "reason text", NOW,
                Duration.ofHours(24));
        assertThat(request.payloadHash()).isEqualTo(AuditHasher.sha256Hex("{\"a\":1}"));
        assertThat(request.payloadIntact()).isTrue();
        assertThat(request.toBuilder().payload("{\"a\":2}").build().payloadIntact()).isFalse();
        assertThat(request.status()).isEqualTo("PENDING");
        assertThat(request.version()).isEqualTo(1);
        assertThat(request.requestedByRoles()).containsExactly("ops");
        assertThat(request.expiredAt(NOW.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(request.expiredAt(NOW.plus(Duration.ofHours(24)))).isTrue();
        assertThat(request.next(9).build()).satisfies(next -> {
            assertThat(next.version()).isEqualTo(2);
            assertThat(next.auditSeq()).isEqualTo(9);
        });
        ApprovalRequest sealed = request.toBuilder().requestSeal(new RequestSeal(8L, "bWFj", "k")).build();
        assertThat(sealed.next(9).build().requestSeal()).as("every later version keeps the seal made at the request")
                .isEqualTo(new RequestSeal(8L, "bWFj", "k"));
    }

    @Test
    void validId_acceptsExecutionNamesOnly() {
        assertThat(ApprovalRequest.validId("7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b")).isTrue();
        assertThat(ApprovalRequest.validId("a_b-C9")).isTrue();
        assertThat(ApprovalRequest.validId("x".repeat(80))).isTrue();
        assertThat(ApprovalRequest.validId("x".repeat(81))).isFalse();
        assertThat(ApprovalRequest.validId("")).isFalse();
        assertThat(ApprovalRequest.validId(null)).isFalse();
        assertThat(ApprovalRequest.validId("a b")).isFalse();
        assertThat(ApprovalRequest.validId("a/b")).isFalse();
    }
}
