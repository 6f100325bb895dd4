package com.warroom.payouts.poll;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Placeholder while issue 11 is built: replaced by the real handler before it lands. */
public final class PayoutPollHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        throw new UnsupportedOperationException("PayoutPollHandler is being built");
    }
}
