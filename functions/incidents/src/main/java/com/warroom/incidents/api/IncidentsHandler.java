package com.warroom.incidents.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.incidents.Wiring;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.evidence.EvidenceCollector;
import com.warroom.incidents.evidence.EvidenceWiring;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.lambda.Priming;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/**
 * The incident routes: declare, list, one incident with its timeline, the SOP's steps, notes, links, evidence, the
 * post-mortem and the status updates.
 */
public final class IncidentsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public IncidentsHandler() {
        this(Wiring.store(), Clock.systemUTC());
    }

    private IncidentsHandler(IncidentStore store, Clock clock) {
        this(store, Wiring.desk(store, Wiring.roster(clock), clock), EvidenceWiring.fromEnvironment(),
                new IdempotencyStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.IDEMPOTENCY.envVar()), clock), clock);
        // reads only: one incident that cannot exist, through the schema and the client the routes use
        Priming.register(Topology.INCIDENTS_API.name(), () -> store.find("inc-" + "0".repeat(32)));
    }

    public IncidentsHandler(IncidentStore store, IncidentDesk desk, EvidenceCollector evidence, IdempotencyStore idempotency,
                            Clock clock) {
        this.router = new ApiRouter(Map.ofEntries(
                Map.entry(DeclareAction.ROUTE, new DeclareAction(desk, store, clock)),
                Map.entry(ListIncidentsAction.ROUTE, new ListIncidentsAction(store, clock)),
                Map.entry(GetIncidentAction.ROUTE, new GetIncidentAction(store, clock)),
                Map.entry(StatusAction.ROUTE, new StatusAction(desk, store, clock)),
                Map.entry(NoteAction.ROUTE, new NoteAction(desk)),
                Map.entry(LinkAction.ROUTE, new LinkAction(desk, store, clock)),
                Map.entry(EvidenceAction.ROUTE, new EvidenceAction(desk, store, evidence)),
                Map.entry(GetEvidenceAction.ROUTE, new GetEvidenceAction(store, evidence)),
                Map.entry(PostmortemAction.ROUTE, new PostmortemAction(desk, store, clock)),
                Map.entry(GetPostmortemAction.ROUTE, new GetPostmortemAction(store, clock)),
                Map.entry(CommunicationAction.ROUTE, new CommunicationAction(store))), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
