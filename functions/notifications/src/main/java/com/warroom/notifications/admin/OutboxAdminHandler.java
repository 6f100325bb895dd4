package com.warroom.notifications.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxDispatch;
import com.warroom.outbox.SqsOutboxDispatch;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The outbox routes: the items of one status, and the requeue of FAILED ones. */
public final class OutboxAdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public OutboxAdminHandler() {
        this(AwsClients.dynamoDbEnhanced(), SqsOutboxDispatch.fromSettings(AwsClients.sqs()), Clock.systemUTC());
    }

    private OutboxAdminHandler(DynamoDbEnhancedClient dynamo, OutboxDispatch dispatch, Clock clock) {
        this(Outbox.fromSettings(dynamo, clock), AuditLog.fromSettings(dynamo, clock), dispatch,
                new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    OutboxAdminHandler(Outbox outbox, AuditLog audit, OutboxDispatch dispatch, IdempotencyStore idempotency) {
        this.router = new ApiRouter(Map.of(
                ListOutboxAction.ROUTE, new ListOutboxAction(outbox),
                RequeueAction.ROUTE, new RequeueAction(new OutboxRequeue(outbox, audit, dispatch))), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
