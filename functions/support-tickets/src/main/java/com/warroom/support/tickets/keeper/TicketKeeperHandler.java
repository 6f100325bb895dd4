package com.warroom.support.tickets.keeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.lambda.Envelope;
import com.warroom.support.tickets.Wiring;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hourly (EventBridge Scheduler, input {@code {}}): one {@link TicketKeeper} round. Grants that failed again fail the
 * invocation after the round, so the failure is seen (the next round tries them again).
 */
public final class TicketKeeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final TicketKeeper keeper;

    public TicketKeeperHandler() {
        this(Wiring.keeper(Clock.systemUTC()));
    }

    public TicketKeeperHandler(TicketKeeper keeper) {
        this.keeper = keeper;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> {
            TicketKeeper.Round round = keeper.run();
            if (!round.failed().isEmpty()) {
                throw new IllegalStateException("EXP grants still pending for tickets " + round.failed());
            }
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("closed", round.closed());
            output.put("rewarded", round.rewarded());
            return output;
        });
    }
}
