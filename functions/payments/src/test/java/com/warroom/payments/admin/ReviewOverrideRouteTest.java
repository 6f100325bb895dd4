package com.warroom.payments.admin;

import static com.warroom.payments.PaymentsStack.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentsStack;
import com.warroom.payments.PendingOrders;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/admin/payments/reviews/{id}/override}: asking for a two-person SCAN_OVERRIDE of a payment review. */
@ExtendWith(EmbeddedStackExtension.class)
class ReviewOverrideRouteTest {

    private static final String OVERRIDE = OverrideReviewAction.ROUTE;
    private static final String NOTE = "{\"note\":\"Order paid at the counter, receipt RC-7 checked by finance\"}";

    private static PaymentsStack world;
    private static PaymentsAdminHandler handler;
    private static ApprovalStore approvals;
    private static AuditTrail trail;
    private static EmbeddedStack embedded;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        embedded = stack;
        world = new PaymentsStack(stack, Instant.parse("2030-06-01T08:00:00Z"));
        AuditLog audit = new AuditLog(world.dynamo, Topology.AUDIT.localName(), world.sealer, world.clock);
        handler = new PaymentsAdminHandler(world.reviews, new PendingOrders(world.dynamo, Topology.ORDERS.localName()),
                new PaymentCheckQueue(stack.sqs(), world.checksUrl()), world.clock, approvals(world, audit),
                new IdempotencyStore(world.dynamo, Topology.IDEMPOTENCY.localName(), world.clock));
        approvals = new ApprovalStore(world.dynamo, Topology.APPROVALS.localName());
        trail = AuditTrail.fromSettings(world.dynamo);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** The approvals side of the handler over the test world: its audit log, approvals table, sealer and the local workflow. */
    static ReviewOverrideRequester.Approvals approvals(PaymentsStack world, AuditLog audit) {
        return new ReviewOverrideRequester.Approvals(audit,
                new ApprovalRequester(world.dynamo.table(Topology.APPROVALS.localName(), ApprovalRequest.SCHEMA), world.sealer),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()));
    }

    private static PaymentReview openReview() {
        String eventKey = "notification:" + UUID.randomUUID().toString().replace("-", "");
        PaymentReview review = new PaymentReview("UNKNOWN_ORDER:" + eventKey, "UNKNOWN_ORDER", newOrderId(), eventKey,
                "no order is registered here", Optional.empty(), Optional.empty(), PaymentReview.OPEN, "2030-06-01T07:00:00.000Z");
        world.reviews.record(review);
        return review;
    }

    private static APIGatewayV2HTTPResponse override(String reviewId, String body, String sub, Role... roles) {
        HttpEvents builder = HttpEvents.route(OVERRIDE).body(body);
        if (sub != null) {
            builder.caller(sub, roles);
        }
        APIGatewayV2HTTPEvent event = builder.build();
        if (reviewId != null) {
            event.setPathParameters(Map.of("id", reviewId));
            event.setRawPath(event.getRawPath().replace("{id}", reviewId));
        }
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.PAYMENTS_ADMIN.name(), 1024, 30));
    }

    private static JsonNode status(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return Json.readTree(response.getBody());
    }

    private static List<AuditEntry> auditOf(String reviewId) {
        return trail.newest(new AuditQuery(Optional.of("scan:" + reviewId), Optional.empty(), 50, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"REVIEWER", "OPS", "SUPER_ADMIN"})
    void override_ofAnOpenReview_recordsAPendingScanOverride_andLeavesTheReviewOpen(Role role) {
        PaymentReview review = openReview();

        JsonNode receipt = status(override(review.id(), NOTE, "staff-" + role.claimValue(), role), 202);

        assertThat(receipt.path("action").asText()).isEqualTo("SCAN_OVERRIDE");
        assertThat(receipt.path("status").asText()).isEqualTo("PENDING");
        ApprovalRequest request = approvals.find(receipt.path("approvalId").asText()).orElseThrow();
        assertThat(Json.readTree(request.payload()).path("subject").asText()).isEqualTo(review.id());
        assertThat(request.requestedBy()).isEqualTo("staff-" + role.claimValue());
        AuditEntry requested = auditOf(review.id()).getFirst();
        assertThat(requested.action()).isEqualTo(ApprovalAudit.REQUESTED);
        assertThat(Json.readTree(requested.before()).path("state").asText()).isEqualTo("OPEN");
        assertThat(world.reviews.find(review.id())).as("only the approval's apply step changes the review").contains(review);
        assertThat(embedded.localStepFunctions().execution(embedded.localStepFunctions().executionArn(Topology.APPROVAL, request.id())))
                .as("the approval workflow was started for it").isPresent();
    }

    @Test
    void override_ofAnUnknownReview_is404_andWritesNothing() {
        String id = "UNKNOWN_ORDER:nobody-" + UUID.randomUUID();

        JsonNode problem = status(override(id, NOTE, "ops-olga", Role.OPS), 404);

        assertThat(problem.path("type").asText()).endsWith("/not-found");
        assertThat(auditOf(id)).isEmpty();
    }

    @Test
    void override_ofAReviewAlreadyLetThrough_is409() {
        PaymentReview review = openReview();
        PaymentReview passed = review.overridden(new PaymentReview.Override("{}", new com.warroom.seal.Seal("m", "k")));
        world.dynamo.table(Topology.PAYMENT_REVIEWS.localName(), PaymentReview.SCHEMA).putItem(passed);

        JsonNode problem = status(override(review.id(), NOTE, "ops-olga", Role.OPS), 409);

        assertThat(problem.path("type").asText()).endsWith("/not-overridable");
        assertThat(auditOf(review.id())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"note\":\"\"}", "{\"note\":7}", "{\"note\":\"ok\",\"extra\":1}", "[1]", "{not json"})
    void override_withABadBody_is400_andWritesNothing(String body) {
        PaymentReview review = openReview();

        APIGatewayV2HTTPResponse response = override(review.id(), body, "ops-olga", Role.OPS);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(auditOf(review.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FINANCE", "SUPPORT", "SERVICE"})
    void override_byARoleThatMayNotAsk_is403(Role role) {
        PaymentReview review = openReview();

        status(override(review.id(), NOTE, "someone", role), 403);

        assertThat(auditOf(review.id())).isEmpty();
    }

    @Test
    void override_withoutAToken_is401() {
        PaymentReview review = openReview();

        status(override(review.id(), NOTE, null), 401);
    }
}
