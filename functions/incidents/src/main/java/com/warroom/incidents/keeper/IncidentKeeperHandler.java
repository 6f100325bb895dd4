package com.warroom.incidents.keeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.incidents.Wiring;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hourly (EventBridge Scheduler, input {@code {}}): one {@link IncidentKeeper} round. */
public final class IncidentKeeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final IncidentKeeper keeper;

    public IncidentKeeperHandler() {
        this(Wiring.keeper(Clock.systemUTC()));
    }

    public IncidentKeeperHandler(IncidentKeeper keeper) {
        this.keeper = keeper;
        Priming.register(Topology.INCIDENT_KEEPER.name(), keeper::prime);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            IncidentKeeper.Round round = keeper.run();
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("overdue", round.overdue());
            output.put("notified", round.notified());
            return output;
        });
    }
}
