package com.warroom.audit.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.util.Map;

/** Read-only audit routes: listing entries and verifying the chain. */
public final class AuditHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public AuditHandler() {
        this(new AuditTrail(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.AUDIT.envVar()),
                KmsSealer.forKey(Topology.SEALS), new AnchorStore(AwsClients.s3(), Settings.require(Topology.ANCHORS.nameEnvVar()))));
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
