package com.warroom.support.tickets.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.lambda.Priming;
import com.warroom.support.tickets.Wiring;
import com.warroom.support.tickets.desk.TicketDesk;
import com.warroom.support.tickets.store.TicketStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/**
 * The support ticket routes: filing, the queue, one ticket, the staff changes, the bug marks, the confirmation, the
 * metrics.
 */
public final class TicketsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public TicketsApiHandler() {
        this(Wiring.store(), Clock.systemUTC());
    }

    private TicketsApiHandler(TicketStore store, Clock clock) {
        this(store, Wiring.desk(store, clock),
                new IdempotencyStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.IDEMPOTENCY.envVar()), clock), clock);
        // reads only: one ticket that cannot exist, through the schema and the client the routes use
        Priming.register(Topology.SUPPORT_TICKETS.name(), () -> store.find("tkt-" + "0".repeat(32)));
    }

    public TicketsApiHandler(TicketStore store, TicketDesk desk, IdempotencyStore idempotency, Clock clock) {
        this.router = new ApiRouter(Map.ofEntries(
                Map.entry(FileTicketAction.ROUTE, new FileTicketAction(desk)),
                Map.entry(ListTicketsAction.ROUTE, new ListTicketsAction(store)),
                Map.entry(GetTicketAction.ROUTE, new GetTicketAction(store)),
                Map.entry(SetPriorityAction.ROUTE, new SetPriorityAction(desk)),
                Map.entry(AssignAction.ROUTE, new AssignAction(desk)),
                Map.entry(CommentAction.ROUTE, new CommentAction(desk)),
                Map.entry(FollowUpAction.ROUTE, new FollowUpAction(desk)),
                Map.entry(StatusAction.ROUTE, new StatusAction(desk)),
                Map.entry(LinkAction.ROUTE, new LinkAction(desk)),
                Map.entry(ReproducedAction.ROUTE, new ReproducedAction(desk)),
                Map.entry(FixedAction.ROUTE, new FixedAction(desk)),
                Map.entry(ConfirmationAction.ROUTE, new ConfirmationAction(desk)),
                Map.entry(MetricsAction.ROUTE, new MetricsAction(store, clock))), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
