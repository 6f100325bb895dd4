package com.warroom.approvals.api;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.assertProblemType;
import static com.warroom.approvals.api.ApprovalsApi.json;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.approvals.actions.ScanOverrideAction;
import com.warroom.approvals.workflow.WorkflowSteps;
import com.warroom.flags.Flag;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every decision rule, answered with its problem, with nothing written when it refuses. */
@ExtendWith(EmbeddedStackExtension.class)
class DecisionRulesTest {

    private static final Caller OPS_ALICE = person("ops-alice", Role.OPS);
    private static final Caller ROOT_RITA = person("root-rita", Role.SUPER_ADMIN);
    private static ApprovalFixtures fixtures;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));
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

    /** A request the workflow recorded and now waits on. */
    private ApprovalRequest waiting(Caller requester) {
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), requester, clock);
        steps.startAndWait(request.id());
        return fixtures.read(request.id());
    }

    private ApprovalRequest waiting(String action, Object payload, Caller requester) {
        ApprovalRequest request = fixtures.request(action, payload, requester, clock);
        steps.startAndWait(request.id());
        return fixtures.read(request.id());
    }

    /** Runs the call and checks that it answered the problem and changed no table and not the request. */
    private void refusedWithNothingWritten(ApprovalRequest request, Supplier<APIGatewayV2HTTPResponse> call, int status, String slug) {
        Map<String, Integer> before = fixtures.counts();
        ApprovalRequest stored = fixtures.read(request.id());
        int sent = api.sender.sent().size();
        assertProblemType(call.get(), status, slug);
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(fixtures.read(request.id())).isEqualTo(stored);
        assertThat(api.sender.sent()).hasSize(sent);
    }

    @Test
    void approve_byTheRequester_is403() {
        ApprovalRequest request = waiting(person("root-sam", Role.SUPER_ADMIN, Role.OPS));
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "root-sam", Role.SUPER_ADMIN, Role.OPS), 403,
                "approval-self-decision");
        refusedWithNothingWritten(request, () -> api.reject(request.id(), "Changed my mind about it", "root-sam", Role.SUPER_ADMIN),
                403, "approval-self-decision");
    }

    @Test
    void approve_byARoleTheActionDoesNotAllow_is403() {
        ApprovalRequest request = waiting(ROOT_RITA);
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "fin-carol", Role.FINANCE), 403, "approval-role");
        refusedWithNothingWritten(request, () -> api.reject(request.id(), "Finance does not agree", "fin-carol", Role.FINANCE),
                403, "approval-role");
        assertThat(json(api.approve(request.id(), "fin-carol", Role.FINANCE)).path("detail").asText())
                .contains("may not approve ENABLE_FUND_FLAG").contains("[ops, super_admin]");
    }

    @Test
    void approve_ofAFundActionWithoutASuperAdminAmongTheTwo_is403() {
        ApprovalRequest request = waiting(OPS_ALICE);
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "ops-dan", Role.OPS), 403, "approval-super-admin-required");
        assertThat(ok(api.get(request.id(), "ops-dan", Role.OPS)).path("superAdminRequired").asBoolean()).isTrue();
        assertThat(ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN)).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void approve_byOpsOfASuperAdminsRequest_isAllowed() {
        ApprovalRequest request = waiting(ROOT_RITA);
        assertThat(ok(api.get(request.id(), "ops-dan", Role.OPS)).path("superAdminRequired").asBoolean()).isFalse();
        assertThat(ok(api.approve(request.id(), "ops-dan", Role.OPS)).path("decidedByRoles").toString()).isEqualTo("[\"ops\"]");
    }

    @Test
    void reject_ofAFundActionByOps_needsNoSuperAdmin() {
        ApprovalRequest request = waiting(OPS_ALICE);
        assertThat(ok(api.reject(request.id(), "Wait for the post-mortem first", "ops-dan", Role.OPS)).path("status").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void configChange_isDecidedByFinanceOrSuperAdmin_withASuperAdminAmongTheTwo() {
        Map<String, Object> payload = Map.of("kind", "treasury.set", "payload", Map.of("chain", "base", "asset", "USDC"));
        ApprovalRequest byFinance = waiting(ConfigChangeAction.NAME, payload, person("fin-carol", Role.FINANCE));
        refusedWithNothingWritten(byFinance, () -> api.approve(byFinance.id(), "fin-frank", Role.FINANCE), 403,
                "approval-super-admin-required");
        refusedWithNothingWritten(byFinance, () -> api.approve(byFinance.id(), "ops-dan", Role.OPS), 403, "approval-role");
        assertThat(ok(api.approve(byFinance.id(), "root-bob", Role.SUPER_ADMIN)).path("status").asText()).isEqualTo("APPROVED");

        ApprovalRequest byRoot = waiting(ConfigChangeAction.NAME, payload, ROOT_RITA);
        assertThat(ok(api.approve(byRoot.id(), "fin-frank", Role.FINANCE)).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void scanOverride_requestedByAReviewer_isApprovedByOps() {
        ApprovalRequest request = waiting(ScanOverrideAction.NAME, Map.of("subject", "project:P-9"), person("rev-erin", Role.REVIEWER));
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "fin-frank", Role.FINANCE), 403, "approval-role");
        assertThat(ok(api.approve(request.id(), "ops-dan", Role.OPS)).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void secondDecision_is409() {
        ApprovalRequest approved = waiting(OPS_ALICE);
        ok(api.approve(approved.id(), "root-bob", Role.SUPER_ADMIN));
        refusedWithNothingWritten(approved, () -> api.reject(approved.id(), "I would have said no to this", "root-carl", Role.SUPER_ADMIN),
                409, "approval-decided");
        refusedWithNothingWritten(approved, () -> api.approve(approved.id(), "root-carl", Role.SUPER_ADMIN), 409, "approval-decided");
        refusedWithNothingWritten(approved, () -> api.reject(approved.id(), "Second thoughts after approving", "root-bob",
                Role.SUPER_ADMIN), 409, "approval-decided");

        ApprovalRequest rejected = waiting(OPS_ALICE);
        ok(api.reject(rejected.id(), "Not before the audit is done", "root-bob", Role.SUPER_ADMIN));
        refusedWithNothingWritten(rejected, () -> api.approve(rejected.id(), "root-carl", Role.SUPER_ADMIN), 409, "approval-decided");
        assertThat(json(api.approve(rejected.id(), "root-carl", Role.SUPER_ADMIN)).path("detail").asText())
                .contains("already REJECTED").contains("root-bob@warroom.test");
    }

    @Test
    void decision_afterExpiry_is409() {
        ApprovalRequest request = waiting(OPS_ALICE);
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(ok(api.get(request.id(), "root-bob", Role.SUPER_ADMIN)).path("expired").asBoolean()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "root-bob", Role.SUPER_ADMIN), 409, "approval-expired");
        refusedWithNothingWritten(request, () -> api.reject(request.id(), "Too old to approve now", "root-bob", Role.SUPER_ADMIN),
                409, "approval-expired");
    }

    @Test
    void approve_ofAnotherPayloadHash_is409() {
        ApprovalRequest request = waiting(OPS_ALICE);
        String other = "0".repeat(64);
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "{\"payloadHash\":\"" + other + "\"}", "root-bob",
                Role.SUPER_ADMIN), 409, "approval-payload-hash");
        assertThat(ok(api.approve(request.id(), "{\"payloadHash\":\"" + request.payloadHash() + "\"}", "root-bob",
                Role.SUPER_ADMIN)).path("approvedHash").asText()).isEqualTo(request.payloadHash());
    }

    @Test
    void decision_onAPayloadEditedInTheTable_is409TamperedAndLeavesTheRowAsFound() {
        ApprovalRequest request = waiting(OPS_ALICE);
        fixtures.overwrite(request.toBuilder().payload(request.payload().replace("\"expectedVersion\":1", "\"expectedVersion\":9")).build());
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "root-bob", Role.SUPER_ADMIN), 409, "approval-tampered");
        // a tampered request is evidence: not even a rejection is written on it (it expires when the wait times out)
        refusedWithNothingWritten(request, () -> api.reject(request.id(), "The payload was tampered with", "root-bob",
                Role.SUPER_ADMIN), 409, "approval-tampered");
        assertThat(json(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN)).path("detail").asText())
                .contains("payload does not match its payloadHash");
    }

    @Test
    void decision_ofAnUnknownRequest_is404_andOfAnUnregisteredAction_is409() {
        Map<String, Integer> before = fixtures.counts();
        assertProblemType(api.approve("no-such-approval", "root-bob", Role.SUPER_ADMIN), 404, "not-found");
        assertProblemType(api.reject("no-such-approval", "Nothing to reject here", "root-bob", Role.SUPER_ADMIN), 404, "not-found");
        assertProblemType(api.get("no-such-approval", "root-bob", Role.SUPER_ADMIN), 404, "not-found");
        assertThat(fixtures.counts()).isEqualTo(before);

        ApprovalRequest unknown = fixtures.request("TREASURY_SWEEP", Map.of("payout", "P-1"), OPS_ALICE, clock);
        refusedWithNothingWritten(unknown, () -> api.approve(unknown.id(), "root-bob", Role.SUPER_ADMIN), 409, "approval-unknown-action");
    }

    /** Checks that {@code call} answers 409 approval-decided and writes nothing, whatever it sends. */
    private void alreadyDecided(ApprovalRequest request, Supplier<APIGatewayV2HTTPResponse> call) {
        Map<String, Integer> before = fixtures.counts();
        ApprovalRequest stored = fixtures.read(request.id());
        assertProblemType(call.get(), 409, "approval-decided");
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(fixtures.read(request.id())).isEqualTo(stored);
    }

    @Test
    void sameDecisionRepeatedBySamePerson_is409EveryTimeAndResendsItWritingNothingMore() {
        ApprovalRequest request = waiting(OPS_ALICE);
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));

        alreadyDecided(request, () -> api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        api.sender.answer(() -> new DecisionSender.Delivery.WaitOver("TaskTimedOut"));
        alreadyDecided(request, () -> api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        alreadyDecided(request, () -> api.reject(request.id(), "Changed my mind after approving", "root-bob", Role.SUPER_ADMIN));
        // the resend is what recovers a decision whose first send was lost; the token takes one answer only
        assertThat(api.sender.sentFor(request.id())).hasSize(3).allSatisfy(s -> assertThat(s.taskToken()).isEqualTo(request.taskToken()));
    }

    @Test
    void decisionTheWorkflowCouldNotBeToldOf_answers503_andTheSameCallDeliversItAnswering409() {
        ApprovalRequest request = waiting(OPS_ALICE);
        api.sender.answer(() -> new DecisionSender.Delivery.Unavailable("ThrottlingException"));
        APIGatewayV2HTTPResponse first = api.reject(request.id(), "Rejecting while the network is flaky", "root-bob", Role.SUPER_ADMIN);
        assertProblemType(first, 503, "unavailable");
        assertThat(first.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(fixtures.read(request.id()).status()).as("recorded before it is sent").isEqualTo("REJECTED");
        assertProblemType(api.reject(request.id(), "Rejecting while the network is flaky", "root-bob", Role.SUPER_ADMIN), 503,
                "unavailable");

        api.sender.answer(DecisionSender.Delivery.Delivered::new);
        alreadyDecided(request, () -> api.reject(request.id(), "Rejecting while the network is flaky", "root-bob", Role.SUPER_ADMIN));
        assertThat(json(api.reject(request.id(), "Rejecting while the network is flaky", "root-bob", Role.SUPER_ADMIN))
                .path("detail").asText()).contains("already REJECTED by you").contains("sent to the workflow again");
        assertThat(api.sender.sentFor(request.id())).hasSize(4);
    }

    @Test
    void decision_onARowEditedToBeUnreadable_is500ApprovalUnreadableAndWritesNothing() {
        ApprovalRequest request = waiting(OPS_ALICE);
        fixtures.overwrite(request.toBuilder().expiresAt("not-a-date").build());
        refusedWithNothingWritten(request, () -> api.approve(request.id(), "root-bob", Role.SUPER_ADMIN), 500, "approval-unreadable");
        refusedWithNothingWritten(request, () -> api.reject(request.id(), "Rejecting an unreadable request", "root-bob",
                Role.SUPER_ADMIN), 500, "approval-unreadable");
    }

    @Test
    void decision_isRecordedWithWhoDecidedAndTheirNote() {
        ApprovalRequest request = waiting(OPS_ALICE);
        clock.advance(Duration.ofMinutes(3));
        ok(api.approve(request.id(), Json.write(Map.of("comment", "  Looked at the dashboards  ")), "root-bob", Role.SUPER_ADMIN));
        ApprovalRequest decided = fixtures.read(request.id());
        assertThat(decided.decidedBy()).isEqualTo("root-bob");
        assertThat(decided.decidedByEmail()).isEqualTo("root-bob@warroom.test");
        assertThat(decided.decidedByRoles()).containsExactly("super_admin");
        assertThat(decided.decisionNote()).isEqualTo("Looked at the dashboards");
        assertThat(decided.decidedAt()).isEqualTo(clock.instant().toString());
        assertThat(decided.version()).isEqualTo(request.version() + 1);
        assertThat(decided.decisionAuditSeq()).isEqualTo(decided.auditSeq());
    }

    @Test
    void approve_withAnEmptyBody_isAnApprovalWithoutComment() {
        ApprovalRequest request = waiting(OPS_ALICE);
        assertThat(ok(api.approve(request.id(), "", "root-bob", Role.SUPER_ADMIN)).path("decisionNote").isNull()).isTrue();
    }
}
