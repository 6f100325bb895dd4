package com.warroom.reconcile.run;

import com.warroom.aws.Settings;
import com.warroom.json.Json;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * The reconcile state machine (its ARN in {@code WARROOM_WORKFLOW_RECONCILE_ARN}) through StartExecution. The execution
 * is named after the run, so a run's workflow can never run twice.
 */
public final class StepFunctionsWorkflow implements ReconcileWorkflow {

    public static final String ARN_ENV_VAR = "WARROOM_WORKFLOW_RECONCILE_ARN";

    private final SfnClient sfn;
    private final Optional<String> stateMachineArn;

    public StepFunctionsWorkflow(SfnClient sfn, Optional<String> stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    public static StepFunctionsWorkflow fromSettings(SfnClient sfn) {
        return new StepFunctionsWorkflow(sfn, Settings.find(ARN_ENV_VAR));
    }

    @Override
    public Started start(String runId, LocalDate day) {
        if (stateMachineArn.isEmpty()) {
            return Started.not("no reconcile workflow is configured (" + ARN_ENV_VAR + ")");
        }
        Map<String, String> input = new LinkedHashMap<>();
        input.put("runId", runId);
        input.put("day", day.toString());
        try {
            return Started.at(sfn.startExecution(b -> b.stateMachineArn(stateMachineArn.get()).name(runId).input(Json.write(input)))
                    .executionArn());
        } catch (ExecutionAlreadyExistsException e) {
            return Started.not("an execution named " + runId + " exists already");
        } catch (AwsServiceException e) {
            return Started.not("Step Functions refused the start (" + e.awsErrorDetails().errorCode() + ")");
        } catch (SdkException e) {
            return Started.not("Step Functions could not be reached");
        }
    }
}
