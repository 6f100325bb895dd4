package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way a stored request can differ from the one its requester made, and the sentence that says so. */
class ApprovalIntegrityTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final Caller MALLORY = new Caller("ops-mallory", "mallory@ops.example", Set.of(Role.OPS));
    private static final String PAYLOAD = Json.canonical(Map.of("flag", "contribute", "scope", "round:T4", "enabled", true,
            "reason", "Investigation closed", "expectedVersion", 1));

    private final HmacSealer sealer = new HmacSealer("k1");
    private final Map<Long, AuditEntry> entries = new HashMap<>();
    private final ApprovalIntegrity integrity = new ApprovalIntegrity(sealer, seq -> Optional.ofNullable(entries.get(seq)));
    private final ApprovalRequest request = record(ApprovalRequest.pending("a-1", "ENABLE_FUND_FLAG", PAYLOAD, MALLORY,
            "Investigation closed", NOW, Duration.ofHours(24)), 7);

    /** The request sealed over seq, with the approval.requested entry ApprovalRequester writes for it. */
    private ApprovalRequest record(ApprovalRequest pending, long seq) {
        ApprovalRequest sealed = RequestSeal.sealed(pending, seq, sealer);
        entries.put(seq, entry(seq, ApprovalAudit.REQUESTED, MALLORY.sub(), MALLORY.roleNames(),
                Json.write(sealed.requestedState(Json.readTree(sealed.payload())))));
        return sealed;
    }

    private static AuditEntry entry(long seq, String action, String actor, List<String> roles, String after) {
        AuditEntry unsealed = new AuditEntry("main", seq, "e-" + seq, NOW.toString(), actor, MALLORY.email(), roles, action,
                "flag:contribute@round:T4", null, after, "Investigation closed", "req-1", "198.51.100.10", "0".repeat(64), null);
        return withHash(unsealed, AuditHasher.hash(unsealed));
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.chain(), e.seq(), e.id(), e.at(), e.actorSub(), e.actorEmail(), e.actorRoles(), e.action(),
                e.target(), e.before(), e.after(), e.reason(), e.requestId(), e.sourceIp(), e.prevHash(), hash);
    }

    private String tampered(ApprovalRequest stored) {
        ApprovalIntegrity.Check check = integrity.check(stored);
        assertThat(check).isInstanceOf(ApprovalIntegrity.Check.Tampered.class);
        return ((ApprovalIntegrity.Check.Tampered) check).why();
    }

    @Test
    void check_whenTheRequestIsAsRecorded_isIntact_whateverTheWorkflowChangedSince() {
        assertThat(integrity.check(request)).isInstanceOf(ApprovalIntegrity.Check.Intact.class);
        ApprovalRequest decided = request.next(9).status(ApprovalStatus.APPROVED).taskToken("t").decidedBy("root-bob")
                .decidedByRoles(List.of("super_admin")).approvedHash(request.payloadHash()).decisionAuditSeq(9L).build();
        assertThat(integrity.check(decided)).isInstanceOf(ApprovalIntegrity.Check.Intact.class);
    }

    @Test
    void check_namesTheSealedFieldThatWasEdited() {
        assertThat(tampered(request.toBuilder().requestedBy("root-bob").build()))
                .startsWith("the request's requester does not match its seal or its approval.requested audit entry 7");
        assertThat(tampered(request.toBuilder().requestedByRoles(List.of("ops", "super_admin")).build()))
                .startsWith("the request's requester roles do not match its seal");
        assertThat(tampered(request.toBuilder().expiresAt(NOW.plus(Duration.ofDays(30)).toString()).build()))
                .startsWith("the request's expiry does not match its seal");
        String global = PAYLOAD.replace("round:T4", "global");
        assertThat(tampered(request.toBuilder().payload(global).payloadHash(AuditHasher.sha256Hex(global)).build()))
                .startsWith("the request's payload hash does not match its seal");
        assertThat(tampered(request.toBuilder().payload(global).build()))
                .isEqualTo("the request's payload does not match its payloadHash");
        assertThat(tampered(request.toBuilder().requestedBy("root-bob").requestedByEmail("bob@root.example").build()))
                .startsWith("the request's requester, requester's email do not match its seal");
    }

    @Test
    void check_whenTheSealIsMissingOrIncomplete_isTampered() {
        assertThat(tampered(request.toBuilder().requestSeal(null).build())).contains("carries no seal");
        RequestSeal seal = request.requestSeal();
        assertThat(tampered(request.toBuilder().requestSeal(new RequestSeal(seal.auditSeq(), null, seal.keyId())).build()))
                .contains("carries no seal");
        assertThat(tampered(request.toBuilder().requestSeal(new RequestSeal(seal.auditSeq(), "not base64!", seal.keyId())).build()))
                .startsWith("the request does not match its seal");
    }

    @Test
    void check_whenTheSealIsAnotherRequests_isTampered() {
        ApprovalRequest other = record(ApprovalRequest.pending("a-2", "ENABLE_FUND_FLAG", PAYLOAD, MALLORY,
                "Investigation closed", NOW, Duration.ofHours(24)), 8);
        RequestSeal theirs = other.requestSeal();
        assertThat(tampered(request.toBuilder().requestSeal(new RequestSeal(7L, theirs.mac(), theirs.keyId())).build()))
                .startsWith("the request does not match its seal: ");
        assertThat(tampered(request.toBuilder().requestSeal(theirs).build()))
                .startsWith("the request's approval id does not match its seal or its approval.requested audit entry 8");
    }

    @Test
    void check_whenTheRowAndItsEntryWereRewrittenTogether_isStillCaughtByTheSeal() {
        AuditEntry original = entries.get(7L);
        String after = original.after().replace("round:T4", "global");
        AuditEntry rewritten = new AuditEntry(original.chain(), 7, original.id(), original.at(), "root-bob", "bob@root.example",
                original.actorRoles(), original.action(), original.target(), null, after, original.reason(), original.requestId(),
                original.sourceIp(), original.prevHash(), null);
        entries.put(7L, withHash(rewritten, AuditHasher.hash(rewritten)));
        assertThat(tampered(request.toBuilder().requestedBy("root-bob").requestedByEmail("bob@root.example").build()))
                .startsWith("the request does not match its seal: a sealed field");
    }

    @Test
    void check_whenOnlyTheAuditEntryChanged_blamesTheEntry() {
        AuditEntry original = entries.get(7L);
        entries.put(7L, withHash(original, "f".repeat(64)));
        assertThat(tampered(request)).isEqualTo("its approval.requested audit entry 7 was altered (its hash does not match)");
        entries.put(7L, entry(7, ApprovalAudit.APPROVED, MALLORY.sub(), MALLORY.roleNames(), original.after()));
        assertThat(tampered(request)).contains("is approval.approved");
        entries.remove(7L);
        assertThat(tampered(request)).isEqualTo("its approval.requested audit entry 7 does not exist");
        entries.put(7L, entry(7, ApprovalAudit.REQUESTED, "root-bob", MALLORY.roleNames(), original.after()));
        assertThat(tampered(request)).isEqualTo("the request's requester does not match its approval.requested audit entry 7");
    }

    @Test
    void check_whenTheKeyServiceDoesNotAnswer_isUnavailable_unlessTheAuditEntryAlreadyShowsTampering() {
        ApprovalIntegrity blind = new ApprovalIntegrity(new HmacSealer("k1").unreachable(),
                seq -> Optional.ofNullable(entries.get(seq)));
        assertThat(blind.check(request)).isInstanceOf(ApprovalIntegrity.Check.Unavailable.class);
        assertThat(blind.check(request.toBuilder().requestedBy("root-bob").build()))
                .isEqualTo(new ApprovalIntegrity.Check.Tampered(
                        "the request's requester does not match its approval.requested audit entry 7"));
        assertThat(blind.check(request.toBuilder().requestSeal(null).build())).isInstanceOf(ApprovalIntegrity.Check.Tampered.class);
    }
}
