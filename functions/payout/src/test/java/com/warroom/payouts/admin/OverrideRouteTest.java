package com.warroom.payouts.admin;

import static com.warroom.payouts.admin.PayoutAdminApi.assertProblem;
import static com.warroom.payouts.admin.PayoutAdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStore;
import com.warroom.audit.AuditEntry;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutsStack;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /v1/admin/payouts/{payoutId}/override}: a PENDING PAYOUT_OVERRIDE approval, or a problem and nothing written. */
@ExtendWith(EmbeddedStackExtension.class)
class OverrideRouteTest {

    private static final String FINANCE = "fin-fay";
    private static final String CONFIRM = "{\"action\":\"MARK_CONFIRMED\",\"railReference\":\"0xabc123\","
            + "\"note\":\"Paid by hand from the cold wallet, see ticket OPS-42\"}";
    private static final String CANCEL = "{\"action\":\"CANCEL\",\"note\":\"User asked to cancel; the custodian rejected it too\"}";

    private static EmbeddedStack stack;
    private static PayoutsStack world;
    private static PayoutAdminApi api;
    private static ApprovalStore approvals;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        world = new PayoutsStack(stack, Instant.parse("2031-07-08T09:00:00Z"));
        api = new PayoutAdminApi(world);
        approvals = new ApprovalStore(world.dynamo, Topology.APPROVALS.localName());
    }

    private static Payout payout(PayoutStatus status) {
        Optional<String> rail = status == PayoutStatus.SUBMITTED || status == PayoutStatus.CONFIRMED ? Optional.of("tx-" + status)
                : Optional.empty();
        return world.inState(PayoutsStack.newId("P"), PayoutsStack.newId("u"), "6", status, rail);
    }

    @Test
    void markConfirmed_recordsAPendingApproval_withItsEvidence_andStartsTheWorkflow() {
        Payout submitted = payout(PayoutStatus.SUBMITTED);

        JsonNode receipt = ok(api.override(submitted.payoutId(), CONFIRM, FINANCE, Role.FINANCE), 202);

        assertThat(receipt.path("status").asText()).isEqualTo("PENDING");
        assertThat(receipt.path("action").asText()).isEqualTo("PAYOUT_OVERRIDE");
        String approvalId = receipt.path("approvalId").asText();
        ApprovalRequest request = approvals.find(approvalId).orElseThrow();
        assertThat(request.payloadHash()).isEqualTo(receipt.path("payloadHash").asText());
        assertThat(request.requestedBy()).isEqualTo(FINANCE);
        assertThat(request.requestedByRoles()).containsExactly("finance");
        assertThat(request.reason()).isEqualTo("Paid by hand from the cold wallet, see ticket OPS-42");
        assertThat(Json.readTree(request.payload())).isEqualTo(Json.readTree(Json.write(Map.of("payoutId", submitted.payoutId(),
                "action", "MARK_CONFIRMED", "railReference", "0xabc123", "note", "Paid by hand from the cold wallet, see ticket OPS-42",
                "payoutStatusSeen", "SUBMITTED"))));
        assertThat(request.requestSeal()).as("sealed as every approval request").isNotNull();
        AuditEntry requested = api.auditOf(submitted.payoutId()).getFirst();
        assertThat(requested.action()).isEqualTo(ApprovalAudit.REQUESTED);
        assertThat(requested.target()).isEqualTo("payout:" + submitted.payoutId());
        assertThat(requested.after()).contains(approvalId).contains("0xabc123");
        assertThat(Json.readTree(requested.before()).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(world.payout(submitted.payoutId())).as("only the approval's apply step changes the payout").isEqualTo(submitted);
        assertThat(stack.localStepFunctions().execution(stack.localStepFunctions().executionArn(Topology.APPROVAL, approvalId)))
                .as("the approval workflow was started for it").isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = PayoutStatus.class, names = {"REQUESTED", "HELD", "SUBMITTING", "SUBMITTED", "RETRY_SCHEDULED", "QUARANTINED"})
    void override_ofEveryStateThatIsNotFinal_isRequested(PayoutStatus status) {
        Payout payout = payout(status);

        JsonNode receipt = ok(api.override(payout.payoutId(), CANCEL, "root-rhea", Role.SUPER_ADMIN), 202);

        ApprovalRequest request = approvals.find(receipt.path("approvalId").asText()).orElseThrow();
        assertThat(Json.readTree(request.payload()).path("payoutStatusSeen").asText()).isEqualTo(status.name());
        assertThat(Json.readTree(request.payload()).has("railReference")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PayoutStatus.class, names = {"CONFIRMED", "FAILED", "CANCELLED"})
    void override_ofAFinalPayout_is409AndRequestsNothing(PayoutStatus status) {
        Payout payout = payout(status);

        JsonNode problem = refusedWithNothingWritten(payout.payoutId(), CONFIRM, 409, "not-overridable", null);

        assertThat(problem.path("detail").asText()).contains("is " + status.name());
    }

    @Test
    void override_ofAPayoutThatDoesNotMatchItsSeal_is409() {
        Payout payout = payout(PayoutStatus.QUARANTINED);
        world.stack.dynamoDb().updateItem(b -> b.tableName(Topology.PAYOUTS.localName())
                .key(Map.of("payoutId", AttributeValue.fromS(payout.payoutId())))
                .updateExpression("SET address = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(PayoutsStack.OTHER_EVM_ADDRESS))));

        refusedWithNothingWritten(payout.payoutId(), CANCEL, 409, "payout-seal-broken", null);
    }

    @Test
    void override_ofAnUnknownPayout_is404_andOfABadId_is400() {
        refusedWithNothingWritten("no-such-payout", CANCEL, 404, "not-found", null);
        refusedWithNothingWritten("bad id", CANCEL, 400, "validation", "payoutId");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''|malformed-json|",
        "[]|malformed-json|",
        "{\"action\":|malformed-json|",
        "{\"note\":\"the custodian says it failed\"}|validation|action",
        "{\"action\":\"REFUND\",\"note\":\"the custodian says it failed\"}|validation|action",
        "{\"action\":1,\"note\":\"the custodian says it failed\"}|validation|action",
        "{\"action\":\"MARK_CONFIRMED\",\"note\":\"paid by hand\"}|validation|railReference",
        "{\"action\":\"MARK_CONFIRMED\",\"railReference\":\"\",\"note\":\"paid by hand\"}|validation|railReference",
        "{\"action\":\"MARK_CONFIRMED\",\"railReference\":7,\"note\":\"paid by hand\"}|validation|railReference",
        "{\"action\":\"CANCEL\",\"railReference\":\"0xabc\",\"note\":\"cancel it\"}|validation|railReference",
        "{\"action\":\"CANCEL\"}|validation|note",
        "{\"action\":\"CANCEL\",\"note\":\"\"}|validation|note",
        "{\"action\":\"CANCEL\",\"note\":\" \\n \"}|validation|note",
        "{\"action\":\"CANCEL\",\"note\":\"tab\\there\"}|validation|note",
        "{\"action\":\"CANCEL\",\"note\":\"cancel it\",\"force\":true}|validation|force"
    })
    void override_withABadBody_is400AndWritesNothing(String body, String type, String field) {
        Payout payout = payout(PayoutStatus.SUBMITTED);

        refusedWithNothingWritten(payout.payoutId(), body, 400, type, field == null || field.isEmpty() ? null : field);
    }

    @Test
    void override_withTextsOverTheirLimits_is400NamingThem() {
        Payout payout = payout(PayoutStatus.SUBMITTED);
        String body = Json.write(Map.of("action", "MARK_CONFIRMED", "railReference", "r".repeat(201), "note", "n".repeat(1001)));

        JsonNode problem = refusedWithNothingWritten(payout.payoutId(), body, 400, "validation", "note");

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("railReference", "note");
        refusedWithNothingWritten(payout.payoutId(), "{\"action\":\"CANCEL\",\"note\":\"" + "n".repeat(1024 * 1024) + "\"}", 413,
                "payload-too-large", null);
        ok(api.override(payout.payoutId(), Json.write(Map.of("action", "MARK_CONFIRMED", "railReference", "r".repeat(200),
                "note", "n".repeat(1000))), FINANCE, Role.FINANCE), 202);
    }

    @Test
    void override_isForFinanceAndSuperAdminOnly() {
        Payout payout = payout(PayoutStatus.QUARANTINED);
        Map<String, Integer> before = api.counts();

        assertProblem(api.call(PayoutAdminApi.event(OverridePayoutAction.ROUTE, payout.payoutId(), CANCEL, null)), 401, "unauthorized", null);
        for (Role role : List.of(Role.OPS, Role.SUPPORT, Role.REVIEWER, Role.SERVICE)) {
            assertProblem(api.override(payout.payoutId(), CANCEL, "someone", role), 403, "forbidden", null);
        }

        assertThat(api.counts()).isEqualTo(before);
        assertThat(world.payout(payout.payoutId())).isEqualTo(payout);
    }

    @Test
    void pressedTwiceWithTheSameKey_requestsOneApproval() {
        Payout payout = payout(PayoutStatus.SUBMITTED);
        String key = UUID.randomUUID().toString();
        var event = (java.util.function.Supplier<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent>) () ->
                PayoutAdminApi.withKey(PayoutAdminApi.event(OverridePayoutAction.ROUTE, payout.payoutId(), CANCEL, FINANCE, Role.FINANCE), key);

        APIGatewayV2HTTPResponse first = api.call(event.get());
        Map<String, Integer> after = api.counts();
        APIGatewayV2HTTPResponse second = api.call(event.get());

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(202);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(api.counts()).isEqualTo(after);
    }

    /** The override answers the problem, and no table or payout changed. */
    private static JsonNode refusedWithNothingWritten(String payoutId, String body, int status, String type, String field) {
        Map<String, Integer> before = api.counts();
        Optional<Payout> stored = world.payouts.find(payoutId.contains(" ") ? "absent" : payoutId);
        JsonNode problem = assertProblem(api.override(payoutId, body, FINANCE, Role.FINANCE), status, type, field);
        assertThat(api.counts()).isEqualTo(before);
        assertThat(world.payouts.find(payoutId.contains(" ") ? "absent" : payoutId)).isEqualTo(stored);
        return problem;
    }

    @Test
    void sampleEvent_overrideCancel_answersAsTheRouteDoes() {
        // the handler Lambda builds, from this function's settings
        APIGatewayV2HTTPResponse response = new PayoutAdminHandler().handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/payout-admin/override-cancel.json"), LocalLambdaContext.of("payout-admin", 1024, 30));

        assertProblem(response, 404, "not-found", null);
    }
}
