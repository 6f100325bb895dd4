package com.warroom.ledger.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.http.ApiRouter;
import com.warroom.ledger.Ledger;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/** The ledger's read route: an account's balances, each checked against its seal, and its latest entries. */
public final class LedgerReadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public LedgerReadHandler() {
        this(Ledger.fromSettings(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC()));
    }

    LedgerReadHandler(Ledger ledger) {
        this.router = new ApiRouter(Map.of(AccountStatementAction.ROUTE, new AccountStatementAction(ledger)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
