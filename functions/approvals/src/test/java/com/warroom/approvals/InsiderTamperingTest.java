package com.warroom.approvals;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.ApprovalFixtures.stdoutOf;
import static com.warroom.approvals.api.ApprovalsApi.assertProblem;
import static com.warroom.approvals.api.ApprovalsApi.assertProblemType;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.api.ApprovalsApi;
import com.warroom.approvals.workflow.StepRefusedException;
import com.warroom.approvals.workflow.WorkflowSteps;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Sealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An insider who can write the tables directly (console, CLI, a leaked role) and edits approval requests exactly as
 * they would: {@code UpdateItem} on the approvals table (and on the audit table, to cover their tracks). Whatever
 * they change, the decision route answers 409 {@code approval-tampered} and writes nothing, the apply step refuses
 * and the request ends FAILED with the reason in its audit entry, and {@code ApprovalTampered} is counted.
 */
@ExtendWith(EmbeddedStackExtension.class)
class InsiderTamperingTest {

    /** The insider, with table access; a super_admin (or an ops person) who may request and approve. */
    private static final Caller ROOT_MALLORY = person("root-mallory", Role.SUPER_ADMIN);
    private static final Caller OPS_MALLORY = person("ops-mallory", Role.OPS);
    private static final String BOB = "root-bob";
    private static ApprovalFixtures fixtures;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T09:00:00Z"));
    private ApprovalsApi api;
    private WorkflowSteps steps;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
    }

    @BeforeEach
    void wire() {
        api = new ApprovalsApi(fixtures.services(clock));
        steps = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock));
    }

    /** A request to re-enable contribute in a round of its own, which the workflow now waits on. */
    private ApprovalRequest waiting(Caller requester) {
        return waiting(newRound(), requester);
    }

    private ApprovalRequest waiting(FlagScope scope, Caller requester) {
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, scope, requester, clock);
        steps.startAndWait(request.id());
        return fixtures.read(request.id());
    }

    /** What the insider types: one UpdateItem on the approvals table, no rule in the way. */
    private static void update(String id, String expression, Map<String, AttributeValue> values) {
        fixtures.stack.dynamoDb().updateItem(b -> {
            b.tableName(Topology.APPROVALS.localName()).key(Map.of("id", s(id))).updateExpression(expression);
            if (!values.isEmpty()) {
                b.expressionAttributeValues(values);
            }
        });
    }

    private static Map<String, AttributeValue> row(String id) {
        return fixtures.stack.dynamoDb().getItem(b -> b.tableName(Topology.APPROVALS.localName()).key(Map.of("id", s(id)))
                .consistentRead(true)).item();
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    /**
     * Runs the decision and checks that it answered 409 approval-tampered with a detail naming {@code what}, counted
     * ApprovalTampered, changed no table and not the row, and told the workflow nothing.
     */
    private JsonNode refusedAsTampered(String id, Supplier<APIGatewayV2HTTPResponse> decide, String what) {
        Map<String, Integer> before = fixtures.counts();
        Map<String, AttributeValue> stored = row(id);
        int sent = api.sender.sent().size();
        List<APIGatewayV2HTTPResponse> answer = new ArrayList<>();
        String printed = stdoutOf(() -> answer.add(decide.get()));

        JsonNode problem = assertProblem(answer.get(0), 409, null);
        assertThat(problem.path("type").asText()).isEqualTo("https://warroom.dev/problems/approval-tampered");
        assertThat(problem.path("detail").asText()).contains(id).contains(what).contains(ApprovalIntegrity.METRIC);
        assertThat(printed).as("counted for the alarm").contains(ApprovalIntegrity.METRIC);
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(row(id)).as("the row is left as the insider left it: it is evidence").isEqualTo(stored);
        assertThat(api.sender.sent()).hasSize(sent);
        return problem;
    }

    @Test
    void approve_byTheRequesterAfterPuttingSomeoneElsesNameOnTheRequest_is409Tampered() {
        ApprovalRequest request = waiting(ROOT_MALLORY);
        update(request.id(), "SET requestedBy = :someoneElse", Map.of(":someoneElse", s("ops-dan")));

        refusedAsTampered(request.id(), () -> api.approve(request.id(), ROOT_MALLORY.sub(), Role.SUPER_ADMIN),
                "the request's requester does not match its seal");
        assertThat(fixtures.read(request.id()).status()).isEqualTo("PENDING");
    }

    @Test
    void approve_byTheApproverWhoseNameWasPutOnTheRequest_is409TamperedNot403() {
        ApprovalRequest request = waiting(ROOT_MALLORY);
        update(request.id(), "SET requestedBy = :approver", Map.of(":approver", s(BOB)));

        refusedAsTampered(request.id(), () -> api.approve(request.id(), BOB, Role.SUPER_ADMIN),
                "the request's requester does not match its seal");
    }

    @Test
    void approve_afterTheRequesterRolesWereRaisedInTheRow_is409Tampered() {
        // ops alone may not re-enable a fund flag with another ops person: a super_admin must be one of the two
        ApprovalRequest request = waiting(OPS_MALLORY);
        update(request.id(), "SET requestedByRoles = :roles", Map.of(":roles",
                AttributeValue.fromL(List.of(s("ops"), s("super_admin")))));

        refusedAsTampered(request.id(), () -> api.approve(request.id(), "ops-dan", Role.OPS),
                "the request's requester roles do not match its seal");
    }

    @Test
    void approve_afterThePayloadWasWidenedFromOneRoundToGlobalWithARecomputedHash_is409Tampered() {
        FlagScope round = new FlagScope.Round("T4-" + ((FlagScope.Round) newRound()).id());
        ApprovalRequest request = waiting(round, OPS_MALLORY);
        String global = request.payload().replace(round.key(), FlagScope.GLOBAL.key());
        String hash = AuditHasher.sha256Hex(global);
        update(request.id(), "SET payload = :payload, payloadHash = :hash", Map.of(":payload", s(global), ":hash", s(hash)));

        // the approver reads the request as it now is and approves exactly that hash
        JsonNode shown = ok(api.get(request.id(), BOB, Role.SUPER_ADMIN));
        assertThat(shown.path("payload").path("scope").asText()).isEqualTo("global");
        assertThat(shown.path("tampered").asBoolean()).isTrue();
        assertThat(shown.path("tamperedBecause").asText()).contains("payload hash does not match its seal");
        refusedAsTampered(request.id(), () -> api.approve(request.id(), Json.write(Map.of("payloadHash", hash)), BOB,
                Role.SUPER_ADMIN), "the request's payload hash does not match its seal");
        refusedAsTampered(request.id(), () -> api.reject(request.id(), "Widened to every round, refusing it", BOB,
                Role.SUPER_ADMIN), "payload hash");
    }

    @Test
    void approve_afterTheExpiryWasExtended_is409Tampered() {
        ApprovalRequest request = waiting(OPS_MALLORY);
        update(request.id(), "SET expiresAt = :later", Map.of(":later",
                s(Instant.parse(request.expiresAt()).plus(Duration.ofDays(30)).toString())));
        clock.advance(ApprovalFixtures.TTL.plusHours(1));

        refusedAsTampered(request.id(), () -> api.approve(request.id(), BOB, Role.SUPER_ADMIN),
                "the request's expiry does not match its seal");
    }

    @Test
    void approve_afterTheSealWasRemoved_is409Tampered_asIsARowThatNeverHadOne() {
        ApprovalRequest request = waiting(OPS_MALLORY);
        update(request.id(), "REMOVE requestMac", Map.of());
        refusedAsTampered(request.id(), () -> api.approve(request.id(), BOB, Role.SUPER_ADMIN), "carries no seal");

        // what a row written before requests were sealed looks like
        update(request.id(), "REMOVE requestKeyId, requestAuditSeq", Map.of());
        refusedAsTampered(request.id(), () -> api.approve(request.id(), BOB, Role.SUPER_ADMIN), "carries no seal");
        assertThat(ok(api.get(request.id(), BOB, Role.SUPER_ADMIN)).path("tampered").asBoolean()).isTrue();
    }

    @Test
    void approve_withTheSealOfAnotherRequest_is409Tampered() {
        ApprovalRequest mine = waiting(OPS_MALLORY);
        ApprovalRequest other = waiting(OPS_MALLORY);
        Map<String, AttributeValue> theirs = row(other.id());
        update(mine.id(), "SET requestMac = :mac, requestKeyId = :key", Map.of(":mac", theirs.get("requestMac"),
                ":key", theirs.get("requestKeyId")));
        refusedAsTampered(mine.id(), () -> api.approve(mine.id(), BOB, Role.SUPER_ADMIN), "does not match its seal");

        update(mine.id(), "SET requestAuditSeq = :seq", Map.of(":seq", theirs.get("requestAuditSeq")));
        refusedAsTampered(mine.id(), () -> api.approve(mine.id(), BOB, Role.SUPER_ADMIN),
                "the request's approval id, payload hash do not match its seal");
    }

    @Test
    void approve_afterTheRowAndItsRequestedEntryWereBothRewritten_isStillRefusedByTheSeal() {
        ApprovalRequest request = waiting(ROOT_MALLORY);
        long seq = request.requestSeal().auditSeq();
        AuditEntry requested = fixtures.services(clock).auditEntry(seq).orElseThrow();
        assertThat(requested.action()).isEqualTo(ApprovalAudit.REQUESTED);
        update(request.id(), "SET requestedBy = :someoneElse", Map.of(":someoneElse", s("ops-dan")));
        rewriteEntry(requested, requested.after(), "ops-dan");
        try {
            JsonNode problem = refusedAsTampered(request.id(), () -> api.approve(request.id(), ROOT_MALLORY.sub(), Role.SUPER_ADMIN),
                    "the request does not match its seal");
            assertThat(problem.path("detail").asText()).doesNotContain("requester does not match");
        } finally {
            putBack(requested);
        }
    }

    @Test
    void approvedRequest_redirectedToAnotherRoundBeforeApply_isRefusedAuditedAndCounted_andNoFlagChanges() {
        FlagScope.Round approvedRound = (FlagScope.Round) newRound();
        FlagScope.Round other = (FlagScope.Round) newRound();
        fixtures.disable(Flag.CONTRIBUTE, other, clock);
        ApprovalRequest request = waiting(approvedRound, OPS_MALLORY);
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));
        ApprovalRequest approved = fixtures.read(request.id());

        // the insider points the approved request at another round, hashes and all, and makes the approver's entry agree
        String redirected = approved.payload().replace(approvedRound.key(), other.key());
        String hash = AuditHasher.sha256Hex(redirected);
        update(request.id(), "SET payload = :payload, payloadHash = :hash, approvedHash = :hash",
                Map.of(":payload", s(redirected), ":hash", s(hash)));
        AuditEntry decision = fixtures.services(clock).auditEntry(approved.decisionAuditSeq()).orElseThrow();
        rewriteEntry(decision, decision.after().replace(approved.payloadHash(), hash), decision.actorSub());
        List<Map<String, Object>> finished = new ArrayList<>();
        String printed;
        try {
            printed = stdoutOf(() -> finished.add(steps.finish(request.id(), "APPROVED")));
        } finally {
            putBack(decision);
        }

        assertThat(finished.get(0)).containsEntry("status", "FAILED");
        assertThat(printed).contains(ApprovalIntegrity.METRIC);
        ApprovalRequest failed = fixtures.read(request.id());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.outcome()).contains("the request's payload hash does not match its seal")
                .doesNotContain("Exception").doesNotContain("java.");
        assertThat(fixtures.history("flag:contribute@" + approvedRound.key()))
                .extracting(AuditEntry::action).doesNotContain(ApprovalAudit.APPLIED);
        // the entries written after the edit are filed under the target the edited payload names
        List<AuditEntry> history = fixtures.history("flag:contribute@" + other.key());
        assertThat(history).extracting(AuditEntry::action).doesNotContain(ApprovalAudit.APPLIED).last()
                .isEqualTo(ApprovalAudit.FAILED);
        assertThat(history.getLast().reason()).contains("does not match its seal").doesNotContain("Exception");
        assertThat(history.getLast().after()).contains(request.id());
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, other).enabled()).isFalse();
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, other).version()).isEqualTo(1);
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, approvedRound).enabled()).isFalse();
        assertThat(fixtures.trail.verify().ok()).as("the audit entry is back as it was").isTrue();
    }

    @Test
    void approvedRequest_whoseRequesterWasChangedBeforeApply_isNotApplied() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = waiting(round, OPS_MALLORY);
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));
        update(request.id(), "SET requestedBy = :someoneElse", Map.of(":someoneElse", s("ops-eve")));

        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("the request's requester does not match its seal");
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, round).enabled()).isFalse();
    }

    @Test
    void cleanRequest_isStillApprovedAndApplied_andKeepsItsSealThroughItsLife() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = waiting(round, OPS_MALLORY);
        assertThat(row(request.id())).containsKeys("requestMac", "requestKeyId", "requestAuditSeq");
        assertThat(ok(api.get(request.id(), BOB, Role.SUPER_ADMIN)).path("tampered").asBoolean()).isFalse();

        assertThat(ok(api.approve(request.id(), Json.write(Map.of("payloadHash", request.payloadHash())), BOB, Role.SUPER_ADMIN))
                .path("status").asText()).isEqualTo("APPROVED");
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "APPLIED");

        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, round).enabled()).isTrue();
        assertThat(fixtures.read(request.id()).requestSeal()).isEqualTo(request.requestSeal());
        assertThat(ok(api.get(request.id(), BOB, Role.SUPER_ADMIN)).path("tampered").asBoolean()).isFalse();
    }

    @Test
    void sealThatCannotBeChecked_failsClosed_503OnTheRouteAndAnErrorInTheApplyStep() throws IOException {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = waiting(round, OPS_MALLORY);
        Sealer unreachable = unreachableKms();
        ApprovalsApi blind = new ApprovalsApi(fixtures.services(clock, unreachable));
        Map<String, Integer> before = fixtures.counts();
        Map<String, AttributeValue> stored = row(request.id());

        APIGatewayV2HTTPResponse answer = blind.approve(request.id(), BOB, Role.SUPER_ADMIN);
        assertProblemType(answer, 503, "unavailable");
        assertThat(answer.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(row(request.id())).isEqualTo(stored);
        assertThat(blind.sender.sent()).isEmpty();
        assertThat(ok(blind.get(request.id(), BOB, Role.SUPER_ADMIN)).has("tampered")).as("not known, so not said").isFalse();

        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));
        WorkflowSteps blindSteps = new WorkflowSteps(fixtures.services(clock, unreachable), fixtures.resources(clock));
        assertThatThrownBy(() -> blindSteps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .as("an error the workflow may retry, not a refusal").isInstanceOf(SealingUnavailable.class);
        assertThat(fixtures.read(request.id()).status()).isEqualTo("APPROVED");
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, round).enabled()).isFalse();
    }

    /** A sealer on a KMS endpoint where nothing listens. */
    private static Sealer unreachableKms() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SystemProperties properties = new SystemProperties().set("AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:" + port);
        try {
            return new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar()));
        } finally {
            properties.restore();
        }
    }

    /** The insider rewrites an audit entry and recomputes its hash, so that the entry checks out on its own. */
    private static void rewriteEntry(AuditEntry entry, String after, String actorSub) {
        AuditEntry rewritten = new AuditEntry(entry.chain(), entry.seq(), entry.id(), entry.at(), actorSub, entry.actorEmail(),
                entry.actorRoles(), entry.action(), entry.target(), entry.before(), after, entry.reason(), entry.requestId(),
                entry.sourceIp(), entry.prevHash(), null);
        setEntry(entry, rewritten.after(), actorSub, AuditHasher.hash(rewritten));
    }

    /** Puts the entry back as it was, so that the chain verifies again for the tests that follow. */
    private static void putBack(AuditEntry entry) {
        setEntry(entry, entry.after(), entry.actorSub(), entry.hash());
    }

    private static void setEntry(AuditEntry entry, String after, String actorSub, String hash) {
        fixtures.stack.dynamoDb().updateItem(b -> b.tableName(Topology.AUDIT.localName())
                .key(Map.of("chain", s(AuditLog.MAIN_CHAIN), "seq", AttributeValue.fromN(Long.toString(entry.seq()))))
                .updateExpression("SET #after = :after, actorSub = :actor, #hash = :hash")
                .expressionAttributeNames(Map.of("#after", "after", "#hash", "hash"))
                .expressionAttributeValues(Map.of(":after", s(after), ":actor", s(actorSub), ":hash", s(hash))));
    }
}
