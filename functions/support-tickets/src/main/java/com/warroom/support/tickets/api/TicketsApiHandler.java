package com.warroom.support.tickets.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.http.ApiResult;
import com.warroom.http.ApiRouter;
import com.warroom.http.Problem;
import java.util.Map;

/** The support ticket routes (first cut: the routes are wired; the ticket store lands next). */
public final class TicketsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public TicketsApiHandler() {
        this.router = new ApiRouter(Map.of("GET /v1/support/metrics",
                request -> ApiResult.problem(Problem.unavailable("support tickets are not yet served"))));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
