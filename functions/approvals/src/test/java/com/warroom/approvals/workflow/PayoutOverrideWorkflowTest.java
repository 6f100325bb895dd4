package com.warroom.approvals.workflow;

import static com.warroom.approvals.ApprovalFixtures.person;
import static com.warroom.approvals.api.ApprovalsApi.assertProblemType;
import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.actions.PayoutOverrideAction;
import com.warroom.approvals.api.ApprovalsApi;
import com.warroom.audit.AuditEntry;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code PAYOUT_OVERRIDE} through the approval workflow on the embedded stack: recorded as the payout override route
 * records it, decided through the real decision route, applied by the real apply step to the real payouts and ledger.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PayoutOverrideWorkflowTest {

    private static final Caller FIN_FAY = person("fin-fay", Role.FINANCE);
    private static final Caller ROOT_RITA = person("root-rita", Role.SUPER_ADMIN);
    private static final String NOTE = "Paid by hand from the cold wallet after the custodian's outage, ticket OPS-42";
    private static ApprovalFixtures fixtures;

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2031-08-09T10:00:00Z"));
    private ApprovalsApi api;
    private WorkflowSteps steps;
    private PayoutWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
    }

    @BeforeEach
    void wire() {
        api = new ApprovalsApi(fixtures.services(clock));
        steps = new WorkflowSteps(fixtures.services(clock), fixtures.resources(clock));
        world = new PayoutWorld(fixtures, clock);
    }

    /** A PENDING override, recorded as the payout override route records it, and the workflow waiting for its decision. */
    private ApprovalRequest requested(Payout payout, String action, String railReference, Caller requester) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("payoutId", payout.payoutId());
        payload.put("action", action);
        if (railReference != null) {
            payload.put("railReference", railReference);
        }
        payload.put("note", NOTE);
        payload.put("payoutStatusSeen", payout.progress().status());
        ApprovalRequest request = fixtures.request(PayoutOverrideAction.NAME, payload, requester, clock);
        steps.startAndWait(request.id());
        return request;
    }

    private static List<String> actions(Payout payout) {
        return fixtures.history("payout:" + payout.payoutId()).stream().map(AuditEntry::action).toList();
    }

    @Test
    void markConfirmed_approvedByASecondPerson_confirmsThePayout_andTurnsItsHoldIntoMoneyOut() {
        Payout submitted = world.inState(PayoutStatus.SUBMITTED, 12_500_000);
        long pending = world.pending();
        long paid = world.paid();
        ApprovalRequest request = requested(submitted, "MARK_CONFIRMED", "0xfeedbeef", FIN_FAY);
        clock.advance(Duration.ofMinutes(10));

        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        assertThat(world.read(submitted.payoutId())).as("nothing changes before the apply step").isEqualTo(submitted);
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "APPLIED");

        Payout confirmed = world.read(submitted.payoutId());
        assertThat(confirmed.state()).contains(PayoutStatus.CONFIRMED);
        assertThat(confirmed.version()).isEqualTo(submitted.version() + 1);
        assertThat(confirmed.progress().reason()).get().asString().contains(request.id()).contains("root-bob");
        assertThat(world.seal.verify(confirmed)).isInstanceOf(com.warroom.seal.Verification.Valid.class);
        JsonNode evidence = Json.readTree(confirmed.override().orElseThrow());
        assertThat(evidence.path("approvalId").asText()).isEqualTo(request.id());
        assertThat(evidence.path("action").asText()).isEqualTo("MARK_CONFIRMED");
        assertThat(evidence.path("railReference").asText()).isEqualTo("0xfeedbeef");
        assertThat(evidence.path("note").asText()).isEqualTo(NOTE);
        assertThat(evidence.path("requestedBy").asText()).isEqualTo(FIN_FAY.sub());
        assertThat(evidence.path("approvedBy").asText()).isEqualTo("root-bob");
        assertThat(world.ledger.posted(List.of(PayoutJournal.paidId(submitted.payoutId())))).hasSize(1);
        assertThat(world.pending()).isEqualTo(pending - 12_500_000);
        assertThat(world.paid()).isEqualTo(paid + 12_500_000);

        assertThat(actions(submitted)).containsExactly("approval.requested", ApprovalAudit.RECORDED, ApprovalAudit.AWAITING,
                ApprovalAudit.APPROVED, ApprovalAudit.APPLIED, ApprovalAudit.CLOSED);
        AuditEntry applied = fixtures.history("payout:" + submitted.payoutId()).get(4);
        JsonNode effect = Json.readTree(applied.after()).path("applied");
        assertThat(effect.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(effect.path("statusBefore").asText()).isEqualTo("SUBMITTED");
        assertThat(effect.path("ledgerEntry").asText()).isEqualTo(PayoutJournal.paidId(submitted.payoutId()));
        assertThat(effect.path("evidence").path("railReference").asText()).isEqualTo("0xfeedbeef");
        assertThat(effect.path("evidence").path("approvedBy").asText()).isEqualTo("root-bob");
        assertThat(Json.readTree(applied.before()).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(fixtures.read(request.id()).outcome()).contains("CONFIRMED");
        assertThat(fixtures.trail.verify().ok()).isTrue();
    }

    @Test
    void cancel_approvedByASecondPerson_cancelsThePayout_andGivesItsHoldBack() {
        Payout quarantined = world.inState(PayoutStatus.QUARANTINED, 3_000_000);
        long pending = world.pending();
        long treasury = world.treasury();
        ApprovalRequest request = requested(quarantined, "CANCEL", null, ROOT_RITA);

        ok(api.approve(request.id(), "fin-frank", Role.FINANCE));
        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "APPLIED");

        Payout cancelled = world.read(quarantined.payoutId());
        assertThat(cancelled.state()).contains(PayoutStatus.CANCELLED);
        JsonNode evidence = Json.readTree(cancelled.override().orElseThrow());
        assertThat(evidence.path("action").asText()).isEqualTo("CANCEL");
        assertThat(evidence.has("railReference")).isFalse();
        assertThat(evidence.path("requestedBy").asText()).isEqualTo("root-rita");
        assertThat(evidence.path("approvedBy").asText()).isEqualTo("fin-frank");
        assertThat(world.ledger.posted(List.of(PayoutJournal.releaseId(quarantined.payoutId(), 1)))).hasSize(1);
        assertThat(world.pending()).isEqualTo(pending - 3_000_000);
        assertThat(world.treasury()).isEqualTo(treasury + 3_000_000);
    }

    @Test
    void override_approvedByItsRequester_orWithoutASuperAdminAmongTheTwo_isRefused() {
        Payout submitted = world.inState(PayoutStatus.SUBMITTED, 1_000_000);
        ApprovalRequest byRoot = requested(submitted, "CANCEL", null, person("root-sam", Role.SUPER_ADMIN, Role.FINANCE));
        Map<String, Integer> before = fixtures.counts();
        assertProblemType(api.approve(byRoot.id(), "root-sam", Role.SUPER_ADMIN, Role.FINANCE), 403, "approval-self-decision");
        assertThat(fixtures.counts()).isEqualTo(before);

        ApprovalRequest byFinance = requested(world.inState(PayoutStatus.SUBMITTED, 1_000_000), "CANCEL", null, FIN_FAY);
        Map<String, Integer> beforeDecisions = fixtures.counts();
        assertProblemType(api.approve(byFinance.id(), "fin-frank", Role.FINANCE), 403, "approval-super-admin-required");
        assertProblemType(api.approve(byFinance.id(), "ops-olga", Role.OPS), 403, "approval-role");
        assertThat(fixtures.counts()).isEqualTo(beforeDecisions);
        assertThat(fixtures.read(byRoot.id()).status()).isEqualTo("PENDING");
        assertThat(world.read(submitted.payoutId())).isEqualTo(submitted);
    }

    @Test
    void override_whoseApproverWasRewrittenToTheRequester_isNeverApplied() {
        Payout submitted = world.inState(PayoutStatus.SUBMITTED, 1_000_000);
        ApprovalRequest request = requested(submitted, "CANCEL", null, FIN_FAY);
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        ApprovalRequest approved = fixtures.read(request.id());
        fixtures.overwrite(approved.toBuilder().decidedBy(FIN_FAY.sub()).decidedByRoles(List.of("finance", "super_admin")).build());

        assertThatThrownBy(() -> steps.apply(Map.of("approvalId", request.id(), "decision", "APPROVED")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("the approver is the requester");

        assertThat(world.read(submitted.payoutId())).isEqualTo(submitted);
        assertThat(world.ledger.posted(List.of(PayoutJournal.releaseId(submitted.payoutId(), 1)))).isEmpty();
    }

    @Test
    void override_ofAPayoutThatBecameFinalMeanwhile_failsAtApply_andChangesNothing() {
        Payout submitted = world.inState(PayoutStatus.SUBMITTED, 2_000_000);
        ApprovalRequest request = requested(submitted, "CANCEL", null, FIN_FAY);
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        Payout confirmedByTheRail = world.moveTo(submitted, PayoutStatus.CONFIRMED);

        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");

        assertThat(fixtures.read(request.id()).outcome()).contains("is CONFIRMED now, which is final").contains("nothing was changed");
        assertThat(world.read(submitted.payoutId())).isEqualTo(confirmedByTheRail);
        assertThat(world.ledger.posted(List.of(PayoutJournal.releaseId(submitted.payoutId(), 1)))).isEmpty();
        assertThat(actions(submitted)).endsWith(ApprovalAudit.APPROVED, ApprovalAudit.FAILED).doesNotContain(ApprovalAudit.APPLIED);
    }

    @Test
    void cancel_ofAHeldPayoutThatWasSubmittedMeanwhile_failsAtApply() {
        Payout held = world.inState(PayoutStatus.HELD, 2_000_000);
        ApprovalRequest request = requested(held, "CANCEL", null, FIN_FAY);
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        Payout submitted = world.moveTo(world.moveTo(held, PayoutStatus.SUBMITTING), PayoutStatus.SUBMITTED);

        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");

        assertThat(fixtures.read(request.id()).outcome()).contains("is SUBMITTED now, not HELD");
        assertThat(world.read(held.payoutId())).isEqualTo(submitted);
    }

    @Test
    void override_ofAPayoutEditedOutsideWarroom_failsAtApply() {
        Payout quarantined = world.inState(PayoutStatus.QUARANTINED, 2_000_000);
        ApprovalRequest request = requested(quarantined, "MARK_CONFIRMED", "0xabc", FIN_FAY);
        ok(api.approve(request.id(), "root-bob", Role.SUPER_ADMIN));
        fixtures.stack.dynamoDb().updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                .key(Map.of("payoutId", AttributeValue.fromS(quarantined.payoutId())))
                .updateExpression("SET address = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("0x52908400098527886E0F7030069857D2E4169EE7"))));

        assertThat(steps.finish(request.id(), "APPROVED")).containsEntry("status", "FAILED");

        assertThat(fixtures.read(request.id()).outcome()).contains("does not match its seal");
        assertThat(world.read(quarantined.payoutId()).state()).contains(PayoutStatus.QUARANTINED);
        assertThat(world.ledger.posted(List.of(PayoutJournal.paidId(quarantined.payoutId())))).isEmpty();
    }

    @Test
    void override_withAPayloadTheActionRefuses_isRefusedAtRecord() {
        Payout submitted = world.inState(PayoutStatus.SUBMITTED, 1_000_000);
        Map<String, Object> cancelWithReference = Map.of("payoutId", submitted.payoutId(), "action", "CANCEL",
                "railReference", "0xabc", "note", NOTE, "payoutStatusSeen", "SUBMITTED");
        Map<String, Object> ofAFinalStatus = Map.of("payoutId", submitted.payoutId(), "action", "MARK_CONFIRMED",
                "railReference", "0xabc", "note", NOTE, "payoutStatusSeen", "FAILED");
        Map<String, Object> withoutReference = Map.of("payoutId", submitted.payoutId(), "action", "MARK_CONFIRMED",
                "note", NOTE, "payoutStatusSeen", "SUBMITTED");
        Map<Map<String, Object>, String> expected = Map.of(cancelWithReference, "payload.railReference",
                ofAFinalStatus, "payload.payoutStatusSeen", withoutReference, "payload.railReference");
        expected.forEach((payload, field) -> {
            ApprovalRequest request = fixtures.request(PayoutOverrideAction.NAME, payload, FIN_FAY, clock);
            assertThatThrownBy(() -> steps.record(request.id())).isInstanceOf(StepRefusedException.class).hasMessageContaining(field);
        });
        ApprovalRequest byOps = fixtures.request(PayoutOverrideAction.NAME, Map.of("payoutId", submitted.payoutId(), "action", "CANCEL",
                "note", NOTE, "payoutStatusSeen", "SUBMITTED"), person("ops-olga", Role.OPS), clock);
        assertThatThrownBy(() -> steps.record(byOps.id())).isInstanceOf(StepRefusedException.class)
                .hasMessageContaining("may not request PAYOUT_OVERRIDE");
        assertThat(Set.of(world.read(submitted.payoutId()).progress().status())).containsExactly("SUBMITTED");
    }
}
