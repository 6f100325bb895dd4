package com.warroom.approvals.keeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Every 5 minutes: starts the workflow of PENDING approval requests whose start was lost. */
public final class ApprovalKeeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        // written by the approval-keeper work in progress
        return Map.of();
    }
}
