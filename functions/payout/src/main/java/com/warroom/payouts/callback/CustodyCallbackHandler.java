package com.warroom.payouts.callback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.util.Map;

/** {@code POST /v1/webhooks/custody}: public (the custodian sends no JWT; its signature authenticates it). */
public final class CustodyCallbackHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public CustodyCallbackHandler() {
        this(CustodyRail.fromSettings(SecretReader.fromEnvironment()),
                new PayoutWork(AwsClients.sqs(), Settings.require(Topology.PAYOUT_WORK.urlEnvVar())));
    }

    public CustodyCallbackHandler(PayoutRail rail, PayoutWork work) {
        this.router = new ApiRouter(Map.of(ReceiveCallbackAction.ROUTE, new ReceiveCallbackAction(rail, work)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
