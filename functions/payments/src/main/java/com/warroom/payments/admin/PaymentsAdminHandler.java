package com.warroom.payments.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PendingOrders;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The payments admin routes: the payment reviews list, a review's two-person override, and the PSP reconcile on demand. */
public final class PaymentsAdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public PaymentsAdminHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private PaymentsAdminHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(new ReviewStore(dynamo, Settings.require(Topology.PAYMENT_REVIEWS.envVar())),
                new PendingOrders(dynamo, Settings.require(Topology.ORDERS.envVar())),
                new PaymentCheckQueue(AwsClients.sqs(), Settings.require(Topology.PAYMENT_CHECKS.urlEnvVar())), clock,
                approvals(dynamo, clock), new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    private static ReviewOverrideRequester.Approvals approvals(DynamoDbEnhancedClient dynamo, Clock clock) {
        Sealer sealer = KmsSealer.forKey(Topology.SEALS);
        return new ReviewOverrideRequester.Approvals(AuditLog.fromSettings(dynamo, clock),
                new ApprovalRequester(dynamo.table(Settings.require(Topology.APPROVALS.envVar()), ApprovalRequest.SCHEMA), sealer),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()));
    }

    PaymentsAdminHandler(ReviewStore reviews, PendingOrders pending, PaymentCheckQueue checks, Clock clock,
                         ReviewOverrideRequester.Approvals approvals, IdempotencyStore idempotency) {
        this.router = new ApiRouter(Map.of(
                ListReviewsAction.ROUTE, new ListReviewsAction(reviews),
                OverrideReviewAction.ROUTE, new OverrideReviewAction(new ReviewOverrideRequester(reviews, approvals, clock)),
                ReconcileAction.ROUTE, new ReconcileAction(pending, checks, clock, approvals.audit())), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
