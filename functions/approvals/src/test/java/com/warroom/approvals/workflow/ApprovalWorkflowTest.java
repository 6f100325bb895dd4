package com.warroom.approvals.workflow;

import static com.warroom.approvals.ApprovalFixtures.newRound;
import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.assertProblemType;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.Decision;
import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.approvals.actions.ScanOverrideAction;
import com.warroom.approvals.api.ApprovalsApi;
import com.warroom.approvals.api.RecordingDecisionSender;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The approval workflow end to end on the embedded stack: the four task handlers called in the state
 * machine's order, the decision through the real route, the flag through the real flag store.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ApprovalWorkflowTest {

    private static final Caller ALICE = person("ops-alice", Role.OPS);
    private static final String BOB = "root-bob";
    private static ApprovalFixtures fixtures;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-23T09:00:00Z"));
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

    private String target(ApprovalRequest request) {
        return ApprovalAudit.target(request, com.warroom.approvals.ActionRegistry.standard());
    }

    private List<String> actions(ApprovalRequest request) {
        return fixtures.history(target(request)).stream().map(AuditEntry::action).toList();
    }

    private boolean allowed(Flag flag, FlagScope.Round round) {
        FlagGate fresh = new FlagGate(fixtures.flags(clock), clock, FlagGate.Signals.NONE, Duration.ZERO, Duration.ZERO);
        return fresh.check(flag, Optional.of(round.id()), Optional.empty()).allowed();
    }

    @Test
    void approvedRequest_isAppliedWithAnAuditEntryForEveryStep() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        assertThat(allowed(Flag.CONTRIBUTE, round)).isFalse();

        assertThat(steps.record(request.id())).isEqualTo(Map.of("approvalId", request.id()));
        assertThat(steps.notifier.noticesFor(request.id())).singleElement().satisfies(notice -> {
            assertThat(notice.target()).isEqualTo("flag:contribute@" + round.key());
            assertThat(notice.superAdminRequired()).isTrue();
            assertThat(notice.approverRoles()).containsExactly("ops", "super_admin");
            assertThat(notice.path()).isEqualTo("/v1/admin/approvals/" + request.id());
            assertThat(Json.write(notice)).doesNotContain("token");
        });
        String token = WorkflowSteps.newToken();
        steps.await(request.id(), token);
        JsonNode waiting = ok(api.get(request.id(), "fin-carol", Role.FINANCE));
        assertThat(waiting.path("awaitingDecision").asBoolean()).isTrue();
        assertThat(waiting.path("workflowStartedAt").asText()).isEqualTo(clock.instant().toString());

        clock.advance(Duration.ofMinutes(5));
        JsonNode approved = ok(api.approve(request.id(), Json.write(Map.of("comment", "Checked the incident notes",
                "payloadHash", request.payloadHash())), BOB, Role.SUPER_ADMIN));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedHash").asText()).isEqualTo(request.payloadHash());
        assertThat(approved.path("decidedBy").asText()).isEqualTo(BOB);
        assertThat(approved.path("decisionNote").asText()).isEqualTo("Checked the incident notes");
        assertThat(api.sender.sentFor(request.id())).containsExactly(
                new RecordingDecisionSender.Sent(token, request.id(), Decision.APPROVED));
        assertThat(allowed(Flag.CONTRIBUTE, round)).as("nothing applies before the apply step").isFalse();

        assertThat(steps.finish(request.id(), "APPROVED")).isEqualTo(Map.of("approvalId", request.id(), "status", "APPLIED"));

        FlagRecord flag = fixtures.flags(clock).current(Flag.CONTRIBUTE, round);
        assertThat(flag.enabled()).isTrue();
        assertThat(flag.version()).isEqualTo(2);
        assertThat(flag.updatedBy()).isEqualTo(ALICE.sub());
        assertThat(flag.reason()).isEqualTo(ApprovalFixtures.REASON);
        assertThat(allowed(Flag.CONTRIBUTE, round)).isTrue();

        ApprovalRequest done = fixtures.read(request.id());
        assertThat(done.status()).isEqualTo("APPLIED");
        assertThat(done.closedAt()).isNotNull();
        assertThat(done.taskToken()).as("no wait is left to complete").isNull();
        assertThat(done.outcome()).contains("enabled at version 2");

        List<AuditEntry> history = fixtures.history(target(request));
        assertThat(history).extracting(AuditEntry::action).containsExactly("approval.requested", ApprovalAudit.RECORDED,
                ApprovalAudit.AWAITING, ApprovalAudit.APPROVED, ApprovalAudit.APPLIED, ApprovalAudit.CLOSED);
        assertThat(history).extracting(AuditEntry::actorSub).containsExactly(ALICE.sub(), ApprovalAudit.WORKFLOW.sub(),
                ApprovalAudit.WORKFLOW.sub(), BOB, ApprovalAudit.WORKFLOW.sub(), ApprovalAudit.WORKFLOW.sub());
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.after()).contains(request.id()).doesNotContain(token);
            assertThat(entry.target()).isEqualTo("flag:contribute@" + round.key());
        });
        assertThat(history.get(3).actorRoles()).containsExactly("super_admin");
        assertThat(history.get(4).after()).contains("\"enabled\":true");
        assertThat(history.get(4).before()).contains("\"enabled\":false");
        assertThat(flag.auditSeq()).as("the flag points at the entry that enabled it").isEqualTo(history.get(4).seq());
        assertThat(fixtures.trail.verify().ok()).isTrue();
        assertThat(flagChangesAnnounced(round)).as("the applied change is announced on the flag-changes queue, once")
                .singleElement().satisfies(message -> {
                    assertThat(message.path("enabled").asBoolean()).isTrue();
                    assertThat(message.path("version").asLong()).isEqualTo(2);
                });
    }

    /** The flag-changes messages about {@code contribute} in this round, consumed from the queue. */
    private static List<JsonNode> flagChangesAnnounced(FlagScope.Round round) {
        String queueUrl = Settings.require(Topology.FLAG_CHANGES.urlEnvVar());
        List<JsonNode> found = new ArrayList<>();
        try (var sqs = AwsClients.sqs()) {
            for (int empty = 0; empty < 2; ) {
                var received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                empty = received.isEmpty() ? empty + 1 : 0;
                for (var message : received) {
                    JsonNode body = Json.readTree(message.body());
                    if (body.path("flag").asText().equals(Flag.CONTRIBUTE.key()) && body.path("scope").asText().equals(round.key())) {
                        found.add(body);
                    }
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return found;
    }

    @Test
    void rejectedRequest_endsRejectedAndAppliesNothing() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.REFUND, round, ALICE, clock);
        String token = steps.startAndWait(request.id());

        JsonNode rejected = ok(api.reject(request.id(), "Not yet, the refund backlog is unexplained", "ops-dan", Role.OPS));
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(api.sender.sentFor(request.id())).containsExactly(
                new RecordingDecisionSender.Sent(token, request.id(), Decision.REJECTED));
        assertThat(steps.finish(request.id(), "REJECTED")).containsEntry("status", "REJECTED");

        assertThat(allowed(Flag.REFUND, round)).isFalse();
        ApprovalRequest done = fixtures.read(request.id());
        assertThat(done.closedAt()).isNotNull();
        assertThat(done.decisionNote()).isEqualTo("Not yet, the refund backlog is unexplained");
        assertThat(done.approvedHash()).isNull();
        assertThat(actions(request)).containsExactly("approval.requested", ApprovalAudit.RECORDED, ApprovalAudit.AWAITING,
                ApprovalAudit.REJECTED, ApprovalAudit.CLOSED);
        assertThat(fixtures.trail.verify().ok()).isTrue();
    }

    @Test
    void expiredRequest_cannotBeDecidedAndEndsExpiredWhenTheWaitTimesOut() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.PAYOUT, round, ALICE, clock);
        steps.startAndWait(request.id());

        clock.advance(Duration.ofHours(24));
        assertThat(ok(api.get(request.id(), BOB, Role.SUPER_ADMIN)).path("expired").asBoolean()).isTrue();
        Map<String, Integer> before = fixtures.counts();
        assertProblemType(api.approve(request.id(), BOB, Role.SUPER_ADMIN), 409, "approval-expired");
        assertProblemType(api.reject(request.id(), "Too late to judge this one", BOB, Role.SUPER_ADMIN), 409, "approval-expired");
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(api.sender.sentFor(request.id())).isEmpty();

        assertThat(steps.timeOut(request.id())).containsEntry("status", "EXPIRED");
        ApprovalRequest done = fixtures.read(request.id());
        assertThat(done.outcome()).isEqualTo("no decision before the wait timed out");
        assertThat(done.closedAt()).isNotNull();
        assertThat(actions(request)).endsWith(ApprovalAudit.AWAITING, ApprovalAudit.EXPIRED);
        assertThat(allowed(Flag.PAYOUT, round)).isFalse();
        JsonNode view = ok(api.get(request.id(), BOB, Role.SUPER_ADMIN));
        assertThat(view.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(view.path("expired").asBoolean()).as("only a PENDING request is 'expired but open'").isFalse();
    }

    @Test
    void approvedRequest_whoseFlagChangedSinceTheRequest_failsAndLeavesTheFlagAlone() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.FINALIZE, round, ALICE, clock);
        steps.startAndWait(request.id());
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));
        FlagRecord changed = fixtures.disable(Flag.FINALIZE, round, clock);

        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");

        assertThat(fixtures.flags(clock).current(Flag.FINALIZE, round)).isEqualTo(changed);
        ApprovalRequest done = fixtures.read(request.id());
        assertThat(done.outcome()).contains("is at version 2 but the approved request expected version 1");
        assertThat(done.outcome()).doesNotContain("\tat ").doesNotContain("stackTrace");
        assertThat(actions(request)).endsWith(ApprovalAudit.APPROVED, ApprovalAudit.FAILED).doesNotContain(ApprovalAudit.APPLIED);
        assertThat(fixtures.trail.verify().ok()).isTrue();
    }

    @Test
    void approvedRequest_whenFlagStatesNoLongerMatchTheirSeal_failsAndSealsNothingOnTop() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        steps.startAndWait(request.id());
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));
        var forged = Map.of("flag", AttributeValue.fromS("refund"), "scope", AttributeValue.fromS(round.key()),
                "enabled", AttributeValue.fromBool(true), "version", AttributeValue.fromN("1"));
        fixtures.stack.dynamoDb().putItem(r -> r.tableName(Topology.FLAGS.localName()).item(forged));
        try {
            assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");

            assertThat(fixtures.read(request.id()).outcome()).contains("do not match their seal");
            assertThat(actions(request)).doesNotContain(ApprovalAudit.APPLIED);
        } finally {
            fixtures.stack.dynamoDb().deleteItem(r -> r.tableName(Topology.FLAGS.localName())
                    .key(Map.of("flag", forged.get("flag"), "scope", forged.get("scope"))));
        }
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, round).enabled()).isFalse();
        assertThat(allowed(Flag.CONTRIBUTE, round)).as("the table is back as sealed, still disabled").isFalse();
    }

    @Test
    void payloadEditedInTheTableAfterApproval_isNeverApplied() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        FlagScope.Round other = (FlagScope.Round) newRound();
        fixtures.disable(Flag.CONTRIBUTE, other, clock);
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        steps.startAndWait(request.id());
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));

        ApprovalRequest approved = fixtures.read(request.id());
        String edited = approved.payload().replace(round.key(), other.key());
        fixtures.overwrite(approved.toBuilder().payload(edited).build());

        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("payload does not match its payloadHash");
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");
        assertThat(allowed(Flag.CONTRIBUTE, round)).isFalse();
        assertThat(allowed(Flag.CONTRIBUTE, other)).isFalse();
    }

    @Test
    void payloadAndItsHashesRewrittenConsistently_areCaughtByTheApprovalsAuditEntry() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        FlagScope.Round other = (FlagScope.Round) newRound();
        fixtures.disable(Flag.CONTRIBUTE, other, clock);
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        steps.startAndWait(request.id());
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));

        ApprovalRequest approved = fixtures.read(request.id());
        String edited = approved.payload().replace(round.key(), other.key());
        String hash = AuditHasher.sha256Hex(edited);
        fixtures.overwrite(approved.toBuilder().payload(edited).payloadHash(hash).approvedHash(hash).build());

        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("the approver approved payload hash " + request.payloadHash());
        steps.finish(request.id(), "APPROVED");
        assertThat(fixtures.read(request.id()).status()).isEqualTo("FAILED");
        assertThat(allowed(Flag.CONTRIBUTE, other)).isFalse();
    }

    @Test
    void taskTokenSentByHandWhileStillPending_isRefusedByTheApplyStep() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CLAIM_VESTING, round, ALICE, clock);
        steps.startAndWait(request.id());

        // someone with states:SendTaskSuccess sends {"decision":"APPROVED"} from the CLI: the workflow moves on to ApplyAction
        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("status is PENDING, not APPROVED");
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");
        assertThat(allowed(Flag.CLAIM_VESTING, round)).isFalse();
        assertThat(fixtures.read(request.id()).outcome()).doesNotContain("Exception").contains("status is PENDING");
    }

    @Test
    void approvalForgedInTheTableByTheRequester_isRefusedByTheApplyStep() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CLAIM_REFERRAL, round, ALICE, clock);
        steps.startAndWait(request.id());
        ApprovalRequest pending = fixtures.read(request.id());
        fixtures.overwrite(pending.toBuilder().status("APPROVED").decidedBy(ALICE.sub()).decidedByEmail(ALICE.email())
                .decidedByRoles(List.of("ops", "super_admin")).decidedAt(clock.instant().toString())
                .approvedHash(pending.payloadHash()).build());

        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("the approver is the requester");
        steps.finish(request.id(), "APPROVED");
        assertThat(fixtures.read(request.id()).status()).isEqualTo("FAILED");
        assertThat(allowed(Flag.CLAIM_REFERRAL, round)).isFalse();
    }

    @Test
    void approvalForgedInTheTableForAnInventedSecondPerson_isRefusedWithoutItsAuditEntry() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CLAIM_SBT, round, ALICE, clock);
        steps.startAndWait(request.id());
        ApprovalRequest pending = fixtures.read(request.id());
        long someEntry = fixtures.history(target(request)).get(0).seq();
        fixtures.overwrite(pending.toBuilder().status("APPROVED").decidedBy("root-mallory").decidedByEmail("m@warroom.test")
                .decidedByRoles(List.of("super_admin")).decidedAt(clock.instant().toString())
                .approvedHash(pending.payloadHash()).build());
        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("audit entry null does not exist");

        fixtures.overwrite(fixtures.read(request.id()).toBuilder().decisionAuditSeq(someEntry).build());
        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("is approval.requested, not approval.approved");
        steps.finish(request.id(), "APPROVED");
        assertThat(fixtures.read(request.id()).status()).isEqualTo("FAILED");
        assertThat(allowed(Flag.CLAIM_SBT, round)).isFalse();
    }

    @Test
    void configChangeWithoutConfigAndScanOverrideOfNoReview_areDecidedButNotApplied() {
        ApprovalRequest config = fixtures.request(ConfigChangeAction.NAME, Map.of("kind", "fee_rule.set",
                "payload", Map.of("id", "launch", "rule", Map.of("bps", 250))), person("fin-carol", Role.FINANCE), clock);
        steps.startAndWait(config.id());
        ok(api.approve(config.id(), BOB, Role.SUPER_ADMIN));
        assertThat(steps.finish(config.id(), "APPROVED")).containsEntry("status", "FAILED");
        assertThat(fixtures.read(config.id()).outcome()).contains("no config is loaded yet");

        ApprovalRequest scan = fixtures.request(ScanOverrideAction.NAME, Map.of("subject", "project:P-17", "scan", "kyc"),
                person("rev-erin", Role.REVIEWER), clock);
        steps.startAndWait(scan.id());
        ok(api.approve(scan.id(), "ops-dan", Role.OPS));
        assertThat(steps.finish(scan.id(), "APPROVED")).containsEntry("status", "FAILED");
        assertThat(fixtures.read(scan.id()).outcome()).contains("payment review project:P-17 does not exist");
        assertThat(actions(scan)).containsExactly("approval.requested", ApprovalAudit.RECORDED, ApprovalAudit.AWAITING,
                ApprovalAudit.APPROVED, ApprovalAudit.FAILED);
    }

    @Test
    void everyStepRetried_writesItsEffectOnce() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        steps.record(request.id());
        steps.record(request.id());
        assertThat(steps.notifier.noticesFor(request.id())).hasSize(1);
        String first = WorkflowSteps.newToken();
        steps.await(request.id(), first);
        steps.await(request.id(), first);
        // a retried wait task gets a new token: the newest is the one the decision completes
        String retried = WorkflowSteps.newToken();
        steps.await(request.id(), retried);
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));
        assertThat(api.sender.sentFor(request.id())).extracting(RecordingDecisionSender.Sent::taskToken).containsExactly(retried);

        Map<String, Object> decided = Map.of("approvalId", request.id(), "decision", "APPROVED");
        assertThat(steps.apply(decided)).containsEntry("status", "APPLIED");
        assertThat(steps.apply(decided)).containsEntry("status", "APPLIED");
        steps.outcome(steps.apply(decided));
        assertThat(steps.outcome(decided)).containsEntry("status", "APPLIED");

        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, round).version()).isEqualTo(2);
        assertThat(actions(request)).containsExactly("approval.requested", ApprovalAudit.RECORDED, ApprovalAudit.AWAITING,
                ApprovalAudit.AWAITING, ApprovalAudit.APPROVED, ApprovalAudit.APPLIED, ApprovalAudit.CLOSED);
    }

    @Test
    void requestTheWorkflowCannotTakeOn_isRefusedAtRecordAndEndsFailed() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        Map<String, Object> payload = Map.of("flag", "contribute", "scope", round.key(), "enabled", true,
                "reason", ApprovalFixtures.REASON, "expectedVersion", 1);
        ApprovalRequest byFinance = fixtures.request("ENABLE_FUND_FLAG", payload, person("fin-carol", Role.FINANCE), clock);
        ApprovalRequest unknown = fixtures.request("TREASURY_SWEEP", Map.of("payout", "P-1"), ALICE, clock);
        ApprovalRequest disabling = fixtures.request("ENABLE_FUND_FLAG", Map.of("flag", "contribute", "scope", round.key(),
                "enabled", false, "reason", ApprovalFixtures.REASON, "expectedVersion", 1), ALICE, clock);
        ApprovalRequest altered = fixtures.request("ENABLE_FUND_FLAG", payload, ALICE, clock);
        fixtures.overwrite(altered.toBuilder().payload(altered.payload().replace("\"expectedVersion\":1", "\"expectedVersion\":7")).build());

        Map<ApprovalRequest, String> expected = Map.of(byFinance, "may not request ENABLE_FUND_FLAG",
                unknown, "TREASURY_SWEEP, which is not registered", disabling, "payload.enabled must be true",
                altered, "does not match its payloadHash");
        expected.forEach((request, why) -> {
            assertThatThrownBy(() -> steps.record(request.id())).isInstanceOf(StepRefusedException.class).hasMessageContaining(why);
            RuntimeException caught = catchRefusal(request.id());
            assertThat(steps.outcome(Map.of("approvalId", request.id(), "error", WorkflowSteps.caught(caught))))
                    .containsEntry("status", "FAILED");
            assertThat(fixtures.read(request.id()).outcome()).contains(why);
            assertThat(steps.notifier.noticesFor(request.id())).isEmpty();
        });
    }

    private RuntimeException catchRefusal(String id) {
        try {
            steps.record(id);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("record did not refuse " + id);
    }

    @Test
    void decisionBeforeTheWaitStoredItsToken_answers503AndWritesNothing() {
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), ALICE, clock);
        steps.record(request.id());
        Map<String, Integer> before = fixtures.counts();
        ApprovalRequest stored = fixtures.read(request.id());

        var early = api.approve(request.id(), BOB, Role.SUPER_ADMIN);
        assertProblemType(early, 503, "unavailable");
        assertThat(early.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(fixtures.counts()).isEqualTo(before);
        assertThat(fixtures.read(request.id())).isEqualTo(stored);

        steps.await(request.id(), WorkflowSteps.newToken());
        assertThat(ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN)).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void waitStep_refusesARequestThatWasNotRecordedOrIsNoLongerPending() {
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, newRound(), ALICE, clock);
        assertThatThrownBy(() -> steps.await(request.id(), WorkflowSteps.newToken()))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("was not recorded by the workflow");
        steps.startAndWait(request.id());
        ok(api.reject(request.id(), "Not convinced this is safe yet", BOB, Role.SUPER_ADMIN));
        assertThatThrownBy(() -> steps.await(request.id(), WorkflowSteps.newToken()))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("is REJECTED");
        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("status is REJECTED");
        assertThat(steps.finish(request.id(), "REJECTED")).containsEntry("status", "REJECTED");
    }

    @Test
    void decisionArrivingAfterTheWaitTimedOut_isClosedFailedNotApplied() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        steps.startAndWait(request.id());
        api.sender.answer(() -> new com.warroom.approvals.api.DecisionSender.Delivery.WaitOver("TaskTimedOut"));
        assertProblemType(api.approve(request.id(), BOB, Role.SUPER_ADMIN), 409, "approval-wait-over");
        assertThat(fixtures.read(request.id()).status()).as("the decision is recorded").isEqualTo("APPROVED");

        assertThat(steps.timeOut(request.id())).containsEntry("status", "FAILED");
        assertThat(fixtures.read(request.id()).outcome()).contains("wait had already timed out");
        assertThat(allowed(Flag.CONTRIBUTE, round)).isFalse();
    }

    @Test
    void applyStepFailingWithAJavaException_closesWithAPlainSentenceAndNoClassNameInOutcomeOrAudit() {
        FlagScope.Round round = (FlagScope.Round) newRound();
        ApprovalRequest request = fixtures.requestEnable(Flag.CONTRIBUTE, round, ALICE, clock);
        steps.startAndWait(request.id());
        ok(api.approve(request.id(), BOB, Role.SUPER_ADMIN));

        // what a Catch hands RecordOutcome when the apply task threw (or its runtime died)
        Map<String, Object> state = Map.of("approvalId", request.id(), "decision", "APPROVED",
                "error", WorkflowSteps.caught(new IllegalStateException("Cannot invoke \"String.length()\" because \"s\" is null")));
        assertThat(steps.outcome(state)).containsEntry("status", "FAILED");

        String outcome = fixtures.read(request.id()).outcome();
        assertThat(outcome).startsWith("approved but not applied: the step failed unexpectedly; see the logs for request ")
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("String.length");
        assertThat(fixtures.history(target(request))).last().satisfies(entry -> assertThat(Json.write(entry))
                .doesNotContain("java.lang").doesNotContain("IllegalStateException").doesNotContain("String.length"));
        assertThat(allowed(Flag.CONTRIBUTE, round)).isFalse();
    }

    @Test
    void steps_refuseInputThatBreaksTheContract() {
        assertThatThrownBy(() -> steps.record.handleRequest(Map.of(), WorkflowSteps.context("t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approvalId");
        assertThatThrownBy(() -> steps.record.handleRequest(Map.of("approvalId", "../x"), WorkflowSteps.context("t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> steps.await.handleRequest(Map.of("approvalId", "a1"), WorkflowSteps.context("t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskToken");
        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", "a1", "decision", "REJECTED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("only for an APPROVED decision");
        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", "a1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decision");
        assertThatThrownBy(() -> steps.outcome(Map.of("approvalId", "a1", "error", "boom")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Error");
        assertThatThrownBy(() -> steps.outcome(Map.of("approvalId", "no-such-request")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("no approval request");
    }
}
