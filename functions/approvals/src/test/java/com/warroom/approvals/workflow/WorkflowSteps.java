package com.warroom.approvals.workflow;

import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalServices;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagChangeNotifier;
import com.warroom.json.Json;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Topology;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The four task handlers, called in the order the state machine calls them (see ApprovalWorkflowDef): the state
 * machine itself has no local runtime yet. A failed task is turned into the {@code "error"} a Catch
 * adds to the state, with the Cause a Lambda function error carries.
 */
public final class WorkflowSteps {

    public final RecordingNotifier notifier = new RecordingNotifier();
    public final RecordRequestHandler record;
    public final AwaitDecisionHandler await;
    public final ApplyApprovalHandler apply;
    public final RecordOutcomeHandler outcome;

    public WorkflowSteps(ApprovalServices services, ApplyResources resources) {
        this.record = new RecordRequestHandler(new RequestRecorder(services, notifier));
        this.await = new AwaitDecisionHandler(new DecisionWait(services));
        this.apply = new ApplyApprovalHandler(new ApprovalApplier(services, resources,
                new FlagChangeNotifier(AwsClients.sqs(), Settings.find(Topology.FLAG_CHANGES.urlEnvVar()))));
        this.outcome = new RecordOutcomeHandler(new OutcomeRecorder(services));
    }

    public static String newToken() {
        return "token-" + UUID.randomUUID();
    }

    public Map<String, Object> record(String id) {
        return record.handleRequest(Map.of("approvalId", id), context("approval-record"));
    }

    public Map<String, Object> await(String id, String taskToken) {
        return await.handleRequest(Map.of("approvalId", id, "taskToken", taskToken), context("approval-await"));
    }

    /** RecordRequest then WaitForDecision with a fresh token, which is returned. */
    public String startAndWait(String id) {
        record(id);
        String token = newToken();
        await(id, token);
        return token;
    }

    public Map<String, Object> apply(Map<String, Object> state) {
        return apply.handleRequest(state, context("approval-apply"));
    }

    public Map<String, Object> outcome(Map<String, Object> state) {
        return outcome.handleRequest(state, context("approval-outcome"));
    }

    /**
     * After the decision: the Decided choice, ApplyAction when approved (a failure caught into
     * {@code error}), then RecordOutcome. Returns RecordOutcome's output.
     */
    public Map<String, Object> finish(String id, String decision) {
        Map<String, Object> state = new LinkedHashMap<>(Map.of("approvalId", id, "decision", decision));
        if ("APPROVED".equals(decision)) {
            try {
                state = new LinkedHashMap<>(apply(state));
            } catch (RuntimeException e) {
                state.put("error", caught(e));
            }
        }
        return outcome(state);
    }

    /** The wait timed out: RecordOutcome with the state's timeout error. */
    public Map<String, Object> timeOut(String id) {
        return outcome(Map.of("approvalId", id, "error", Map.of("Error", "States.Timeout", "Cause", "The task timed out.")));
    }

    /** What a Catch records of a Lambda function error: Error is the exception class, Cause the runtime's error JSON. */
    public static Map<String, Object> caught(RuntimeException e) {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("errorMessage", e.getMessage());
        cause.put("errorType", e.getClass().getName());
        cause.put("stackTrace", Arrays.stream(e.getStackTrace()).limit(3).map(StackTraceElement::toString).toList());
        Map<String, Object> error = new HashMap<>();
        error.put("Error", e.getClass().getName());
        error.put("Cause", Json.write(cause));
        return error;
    }

    static LocalLambdaContext context(String function) {
        return LocalLambdaContext.of(function, 1024, 30);
    }
}
