package com.warroom.flags.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagStore;
import com.warroom.flags.MetricGateSignals;
import com.warroom.http.ApiRouter;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Read-only kill-switch routes: the list and the check. */
public final class FlagReadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public FlagReadHandler() {
        this(new FlagStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.FLAGS.envVar()), sealer(), Clock.systemUTC()),
                Clock.systemUTC());
    }

    FlagReadHandler(FlagStore store, Clock clock) {
        // the route answers from a fresh read every time; the stale window only covers read failures
        MetricGateSignals signals = new MetricGateSignals();
        FlagGate freshGate = new FlagGate(store, clock, signals, Duration.ZERO, FlagGate.DEFAULT_STALE_FOR);
        this.router = new ApiRouter(Map.of(
                ListFlagsAction.ROUTE, new ListFlagsAction(store, signals),
                CheckFlagAction.ROUTE, new CheckFlagAction(freshGate)));
    }

    /** The kill-switch seal's sealer, on the key the function's environment names. */
    static Sealer sealer() {
        return new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
