package com.warroom.support.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagStore;
import com.warroom.http.ApiRouter;
import com.warroom.lambda.Priming;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.support.playbook.Playbook;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Support's lookup ({@code GET /v1/support/lookup?q=}): one card about the person behind an identifier. */
public final class SupportLookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;
    private final SupportLookup lookup;

    public SupportLookupHandler() {
        this(production(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC()));
        // reads only (no audit entry): a search that finds nobody
        Priming.register(Topology.SUPPORT_LOOKUP.name(), lookup::prime);
    }

    private static SupportLookup production(DynamoDbEnhancedClient enhanced, Sealer sealer, Clock clock) {
        return new SupportLookup(
                new LookupStore(enhanced, AwsClients.dynamoDb(), LookupTables.fromSettings(),
                        new FlagStore(enhanced, Settings.require(Topology.FLAGS.envVar()), sealer, clock)),
                new LookupAudit(new AuditLog(enhanced, Settings.require(Topology.AUDIT.envVar()), sealer, clock)), clock);
    }

    SupportLookupHandler(SupportLookup lookup) {
        this.lookup = lookup;
        // loaded once per cold start (and in the SnapStart snapshot); a bad playbook file fails the start, not a lookup
        this.router = new ApiRouter(Map.of(LookupAction.ROUTE, new LookupAction(lookup, Playbook.load())));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
