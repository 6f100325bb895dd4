package com.warroom.support.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.http.ApiResult;
import com.warroom.http.ApiRouter;
import com.warroom.http.Problem;
import java.util.Map;

/** Support's lookup ({@code GET /v1/support/lookup?q=}): one card about the person behind an identifier. */
public final class SupportLookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String ROUTE = "GET /v1/support/lookup";

    private final ApiRouter router;

    public SupportLookupHandler() {
        this.router = new ApiRouter(Map.of(ROUTE, request -> ApiResult.problem(Problem.notFound("the lookup is not built yet"))));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
