package com.warroom.slo.weekly;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Weekly: the SLO report (groundwork: does nothing yet). */
public final class SloWeeklyHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Map.of();
    }
}
