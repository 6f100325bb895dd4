package com.warroom.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.Decision;
import com.warroom.approvals.FakeAwsEndpoint;
import com.warroom.approvals.FakeAwsEndpoint.Reply;
import com.warroom.json.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The decision sender's real SendTaskSuccess calls, against an endpoint that answers as Step Functions does. */
class SfnDecisionSenderTest {

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
    void send_completesTheTaskTokenWithTheDecision() {
        stepFunctions.reply(request -> Reply.json(200, "{}"));
        var delivery = new SfnDecisionSender(sfn).send("AQCE-token-1", "approval-1", Decision.REJECTED);

        assertThat(delivery).isEqualTo(new DecisionSender.Delivery.Delivered());
        FakeAwsEndpoint.Received sent = stepFunctions.received().getLast();
        assertThat(sent.operation()).isEqualTo("AWSStepFunctions.SendTaskSuccess");
        JsonNode body = Json.readTree(sent.body());
        assertThat(body.path("taskToken").asText()).isEqualTo("AQCE-token-1");
        assertThat(Json.mapper().convertValue(Json.readTree(body.path("output").asText()), Map.class))
                .isEqualTo(Map.of("approvalId", "approval-1", "decision", "REJECTED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TaskTimedOut", "TaskDoesNotExist", "InvalidToken"})
    void send_whenNoTaskWaitsOnTheToken_answersWaitOver(String error) {
        stepFunctions.reply(request -> Reply.jsonError(400, error));
        var delivery = new SfnDecisionSender(sfn).send("AQCE-token-2", "approval-2", Decision.APPROVED);
        assertThat(delivery).isInstanceOf(DecisionSender.Delivery.WaitOver.class);
        assertThat(((DecisionSender.Delivery.WaitOver) delivery).why()).isEqualTo(error + "Exception");
    }

    @Test
    void send_whenStepFunctionsFails_answersUnavailable() {
        stepFunctions.reply(request -> Reply.jsonError(500, "InternalFailure"));
        assertThat(new SfnDecisionSender(sfn).send("AQCE-token-3", "approval-3", Decision.APPROVED))
                .isInstanceOf(DecisionSender.Delivery.Unavailable.class);
    }

    @Test
    void send_whenStepFunctionsCannotBeReached_answersUnavailable() {
        FakeAwsEndpoint gone = FakeAwsEndpoint.start(request -> Reply.json(200, "{}"));
        SfnClient unreachable = gone.sfn();
        gone.close();
        try (unreachable) {
            assertThat(new SfnDecisionSender(unreachable).send("AQCE-token-4", "approval-4", Decision.APPROVED))
                    .isInstanceOf(DecisionSender.Delivery.Unavailable.class);
        }
    }
}
