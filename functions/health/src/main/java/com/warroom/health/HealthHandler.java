package com.warroom.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.http.ApiResult;
import com.warroom.http.ApiRouter;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/health}: 200 {"status":"ok"} once every table and queue is ready, 503 until then. */
public final class HealthHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public HealthHandler() {
        this(new ReadinessProbe(AwsClients.dynamoDb(), AwsClients.sqs(), Topology.warroom()));
    }

    HealthHandler(ReadinessProbe probe) {
        this.router = new ApiRouter(Map.of("GET /v1/health", request -> {
            List<String> waiting = probe.notReady();
            return waiting.isEmpty()
                    ? ApiResult.ok(Map.of("status", "ok"))
                    : ApiResult.of(503, Map.of("status", "starting", "waitingFor", waiting));
        }));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
