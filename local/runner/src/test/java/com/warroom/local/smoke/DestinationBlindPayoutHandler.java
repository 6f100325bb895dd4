package com.warroom.local.smoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.payouts.api.PayoutApiHandler;

/**
 * TEST ONLY — a money gate broken on purpose: the payout API with its "destination must be the primary wallet" check
 * defeated (the destination is dropped from {@code POST /v1/payouts} before the real handler sees it, so a payout asked
 * for another wallet is accepted). It lives in the runner's test sources, so no build of Warroom contains it; the smoke
 * test must print FAIL for {@code payout.other-wallet-refused} against it.
 */
public final class DestinationBlindPayoutHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final PayoutApiHandler real = new PayoutApiHandler();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if ("POST /v1/payouts".equals(event.getRouteKey()) && event.getBody() != null) {
            try {
                JsonNode body = Json.readTree(event.getBody());
                if (body instanceof ObjectNode object) {
                    object.remove("destination");
                    event.setBody(Json.write(object));
                }
            } catch (RuntimeException notJson) {
                // the real handler answers a malformed body
            }
        }
        return real.handleRequest(event, context);
    }
}
