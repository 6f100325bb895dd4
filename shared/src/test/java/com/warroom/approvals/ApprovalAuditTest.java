package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalAuditTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String PAYLOAD = Json.canonical(Map.of("flag", "payout", "scope", "global", "enabled", true,
            "reason", "Payout provider is back", "expectedVersion", 2));

    private final ApprovalRequest approved = ApprovalRequest.pending("a-1", "ENABLE_FUND_FLAG", PAYLOAD,
                    new Caller("ops-alice", "alice@ops.example", Set.of(Role.OPS)), "Payout provider is back", NOW, Duration.ofHours(24))
            .next(12).status(ApprovalStatus.APPROVED).taskToken("token-secret").decidedBy("root-bob").decidedByEmail("bob@root.example")
            .decidedByRoles(List.of("super_admin")).decidedAt(NOW.plusSeconds(30).toString())
            .approvedHash(AuditHasher.sha256Hex(PAYLOAD)).decisionAuditSeq(12L).build();

    private AuditEntry sealed(String action, String actor, List<String> roles, String after) {
        AuditEntry unsealed = new AuditEntry("main", 12, "e-12", NOW.toString(), actor, actor + "@x", roles, action,
                "flag:payout@global", null, after, null, "req-1", "198.51.100.10", "0".repeat(64), null);
        return new AuditEntry("main", 12, "e-12", NOW.toString(), actor, actor + "@x", roles, action, "flag:payout@global", null,
                after, null, "req-1", "198.51.100.10", "0".repeat(64), AuditHasher.hash(unsealed));
    }

    @Test
    void snapshot_neverHoldsTheTaskToken() {
        String snapshot = ApprovalAudit.snapshot(approved);
        assertThat(snapshot).doesNotContain("token-secret").contains("\"awaitingDecision\":true").contains("\"approvalId\":\"a-1\"");
        assertThat(ApprovalAudit.snapshot(approved, Map.of("applied", Map.of("v", 1)))).contains("\"applied\":{\"v\":1}");
    }

    @Test
    void target_isTheActionsTarget_orTheApprovalWhenThereIsNone() {
        assertThat(ApprovalAudit.target(approved, ActionRegistry.standard())).isEqualTo("flag:payout@global");
        assertThat(ApprovalAudit.target(approved.toBuilder().action("TREASURY_SWEEP").build(), ActionRegistry.standard()))
                .isEqualTo("approval:a-1");
        assertThat(ApprovalAudit.target(approved.toBuilder().payload("{broken").build(), ActionRegistry.standard()))
                .isEqualTo("approval:a-1");
    }

    @Test
    void whyEntryDoesNotProveApproval_acceptsOnlyTheIntactEntryOfThisApproval() {
        String after = ApprovalAudit.snapshot(approved);
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(sealed(ApprovalAudit.APPROVED, "root-bob",
                List.of("super_admin"), after)), approved)).isEmpty();

        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.empty(), approved)).get().asString().contains("does not exist");
        AuditEntry good = sealed(ApprovalAudit.APPROVED, "root-bob", List.of("super_admin"), after);
        AuditEntry edited = new AuditEntry(good.chain(), good.seq(), good.id(), good.at(), "root-mallory", good.actorEmail(),
                good.actorRoles(), good.action(), good.target(), good.before(), good.after(), good.reason(), good.requestId(),
                good.sourceIp(), good.prevHash(), good.hash());
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(edited), approved)).get().asString().contains("was altered");
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(sealed(ApprovalAudit.REJECTED, "root-bob",
                List.of("super_admin"), after)), approved)).get().asString().contains("not approval.approved");
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(sealed(ApprovalAudit.APPROVED, "root-carl",
                List.of("super_admin"), after)), approved)).get().asString().contains("made by root-carl");
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(sealed(ApprovalAudit.APPROVED, "root-bob",
                List.of("ops", "super_admin"), after)), approved)).get().asString().contains("made by root-bob");
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(sealed(ApprovalAudit.APPROVED, "root-bob",
                List.of("super_admin"), after.replace("\"a-1\"", "\"a-2\""))), approved)).get().asString().contains("another request");
        assertThat(ApprovalAudit.whyEntryDoesNotProveApproval(Optional.of(sealed(ApprovalAudit.APPROVED, "root-bob",
                List.of("super_admin"), after)), approved.toBuilder().approvedHash("f".repeat(64)).build()))
                .get().asString().contains("approved payload hash");
    }
}
