package com.warroom.incidents.keeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Hourly: overdue post-mortems (groundwork: does nothing yet). */
public final class IncidentKeeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Map.of();
    }
}
