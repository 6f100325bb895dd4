package com.warroom.stuck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.payments.PendingOrders;
import com.warroom.payouts.PayoutStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The stuck list: the oldest non-final payouts and PENDING orders with their ages, read-only. */
public final class StuckListHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public StuckListHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private StuckListHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(new StuckList(new PayoutStore(dynamo, Settings.require(Topology.PAYOUTS.envVar())),
                new PendingOrders(dynamo, Settings.require(Topology.ORDERS.envVar())), clock));
    }

    StuckListHandler(StuckList stuck) {
        this.router = new ApiRouter(Map.of(ListStuckAction.ROUTE, new ListStuckAction(stuck)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
