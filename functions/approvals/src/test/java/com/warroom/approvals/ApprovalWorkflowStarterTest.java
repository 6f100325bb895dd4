package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.FakeAwsEndpoint.Reply;
import com.warroom.json.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Starting the workflow for a request: one execution named after it, against an endpoint that answers as Step Functions does. */
class ApprovalWorkflowStarterTest {

    private static final String MACHINE = "arn:aws:states:ap-southeast-1:123456789012:stateMachine:warroom-approval";
    private static FakeAwsEndpoint stepFunctions;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        stepFunctions = FakeAwsEndpoint.start(request -> Reply.json(200, "{}"));
        sfn = stepFunctions.sfn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        stepFunctions.close();
    }

    @Test
    void start_namesTheExecutionAfterTheRequest() {
        stepFunctions.reply(request -> Reply.json(200,
                "{\"executionArn\":\"" + MACHINE.replace("stateMachine", "execution") + ":a-1\",\"startDate\":1795426200.0}"));
        var started = new ApprovalWorkflowStarter(sfn, MACHINE).start("a-1");

        assertThat(started).isEqualTo(new ApprovalWorkflowStarter.Start.Started(MACHINE.replace("stateMachine", "execution") + ":a-1"));
        FakeAwsEndpoint.Received sent = stepFunctions.received().getLast();
        assertThat(sent.operation()).isEqualTo("AWSStepFunctions.StartExecution");
        JsonNode body = Json.readTree(sent.body());
        assertThat(body.path("stateMachineArn").asText()).isEqualTo(MACHINE);
        assertThat(body.path("name").asText()).isEqualTo("a-1");
        assertThat(Json.mapper().convertValue(Json.readTree(body.path("input").asText()), Map.class))
                .isEqualTo(Map.of("approvalId", "a-1"));
    }

    @Test
    void start_ofARequestAlreadyStarted_saysSo() {
        stepFunctions.reply(request -> Reply.jsonError(400, "ExecutionAlreadyExists"));
        assertThat(new ApprovalWorkflowStarter(sfn, MACHINE).start("a-2")).isEqualTo(new ApprovalWorkflowStarter.Start.AlreadyStarted());
    }

    @Test
    void start_whenStepFunctionsFails_isUnavailable() {
        stepFunctions.reply(request -> Reply.jsonError(400, "StateMachineDoesNotExist"));
        assertThat(new ApprovalWorkflowStarter(sfn, MACHINE).start("a-3")).isInstanceOf(ApprovalWorkflowStarter.Start.Unavailable.class);
    }

    @Test
    void start_refusesWhatIsNotAnApprovalId() {
        assertThatThrownBy(() -> new ApprovalWorkflowStarter(sfn, MACHINE).start("not an id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
