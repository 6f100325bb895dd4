package com.warroom.notices;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;

/** Posts every applied kill-switch change from the flag-changes queue to the ops-notices topic. */
public final class OpsNoticeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // written by the ops-notices work in progress
        return new SQSBatchResponse(List.of());
    }
}
