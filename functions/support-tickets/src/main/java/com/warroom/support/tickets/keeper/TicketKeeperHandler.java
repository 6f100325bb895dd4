package com.warroom.support.tickets.keeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.lambda.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hourly: closes tickets RESOLVED for 7 days and finishes half-done EXP grants (first cut: wired, does nothing yet). */
public final class TicketKeeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Envelope.rethrowing(context, Envelope.requestId(context, "local"), () -> new LinkedHashMap<String, Object>());
    }
}
