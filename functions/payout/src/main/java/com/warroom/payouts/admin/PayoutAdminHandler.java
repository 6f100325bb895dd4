package com.warroom.payouts.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The ops payout queue: the list with its filters and stuck badges, the retry, and the request for a two-person override. */
public final class PayoutAdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public PayoutAdminHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private PayoutAdminHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(PayoutAdmin.fromSettings(dynamo, clock), new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    PayoutAdminHandler(PayoutAdmin admin, IdempotencyStore idempotency) {
        this.router = new ApiRouter(Map.of(
                ListPayoutsAction.ROUTE, new ListPayoutsAction(admin.queries(), admin.seal(), admin.clock()),
                RetryPayoutAction.ROUTE, new RetryPayoutAction(new PayoutRetry(admin), new PayoutEntries(admin.ledger()), admin.clock()),
                OverridePayoutAction.ROUTE, new OverridePayoutAction(new PayoutOverrideRequester(admin))), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
