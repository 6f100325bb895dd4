package com.warroom.audit.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.http.ApiRouter;
import java.util.Map;

/** Read-only audit routes: listing entries and verifying the chain. */
public final class AuditHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public AuditHandler() {
        this(AuditTrail.fromSettings(AwsClients.dynamoDbEnhanced()));
    }

    AuditHandler(AuditTrail trail) {
        this.router = new ApiRouter(Map.of(
                ListAuditAction.ROUTE, new ListAuditAction(trail),
                VerifyAuditAction.ROUTE, new VerifyAuditAction(trail)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
