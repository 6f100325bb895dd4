package com.warroom.slo.api;

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

/** The SLO report routes (groundwork: no route answers yet). */
public final class SloReportsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public SloReportsHandler() {
        this.router = new ApiRouter(Map.of(), new IdempotencyStore(AwsClients.dynamoDbEnhanced(),
                Settings.require(Topology.IDEMPOTENCY.envVar()), Clock.systemUTC()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
