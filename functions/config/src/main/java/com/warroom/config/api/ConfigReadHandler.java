package com.warroom.config.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.http.ApiRouter;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/**
 * The read-only config routes: {@code GET /v1/config/networks}, {@code /treasury}, {@code /fee-rules}, {@code /exp-rewards}
 * and who is on call ({@code GET /v1/oncall/now}).
 */
public final class ConfigReadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public ConfigReadHandler() {
        this(new ConfigStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.CONFIG.envVar()), Clock.systemUTC()));
    }

    ConfigReadHandler(ConfigStore store) {
        this(store, Clock.systemUTC());
    }

    ConfigReadHandler(ConfigStore store, Clock clock) {
        this.router = new ApiRouter(Map.of(
                ReadConfigAction.NETWORKS, ReadConfigAction.networks(store),
                ReadConfigAction.TREASURY, ReadConfigAction.treasury(store),
                ReadConfigAction.FEE_RULES, ReadConfigAction.feeRules(store),
                ReadConfigAction.EXP_REWARDS, ReadConfigAction.expRewards(store),
                OnCallNowAction.ROUTE, new OnCallNowAction(store, clock)));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
