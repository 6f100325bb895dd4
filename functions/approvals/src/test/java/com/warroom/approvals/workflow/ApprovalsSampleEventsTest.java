package com.warroom.approvals.workflow;

import static com.warroom.approvals.api.ApprovalsApi.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ApprovalFixtures;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.FakeAwsEndpoint;
import com.warroom.approvals.FakeAwsEndpoint.Reply;
import com.warroom.approvals.SystemProperties;
import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.approvals.api.ApprovalsApi;
import com.warroom.approvals.api.ApprovalsApiHandler;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events in events/approvals/, fed to the handlers as Lambda builds them (no-arg constructors,
 * configuration from the environment): API Gateway events to the approvals API, Step Functions task
 * inputs to the four steps, called one by one as the sample files show them. Step Functions and SNS are
 * an endpoint on loopback that answers as they do and records what it was sent.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ApprovalsSampleEventsTest {

    private static final String APPROVED_ID = "7f3c2b1a-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    private static final String REJECTED_ID = "2a9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f";
    private static final String TIMED_OUT_ID = "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293";
    private static final String FAILED_ID = "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6";
    private static final Caller ALICE = new Caller("8a7b6c5d-1111-2222-3333-444455556666", "alice@ops.example", java.util.Set.of(Role.OPS));
    private static final String TOPIC = "arn:aws:sns:ap-southeast-1:123456789012:warroom-approval-notices";
    private static final SystemProperties PROPERTIES = new SystemProperties();

    private static ApprovalFixtures fixtures;
    private static FakeAwsEndpoint aws;
    private final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ApprovalFixtures(stack);
        aws = FakeAwsEndpoint.start(request -> "Publish".equals(request.operation())
                ? Reply.xml(200, "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>")
                : Reply.json(200, "{}"));
        PROPERTIES.set("AWS_ENDPOINT_URL_SFN", aws.uri().toString()).set("AWS_ENDPOINT_URL_SNS", aws.uri().toString())
                .set(Topology.APPROVAL_NOTICES.arnEnvVar(), TOPIC);
    }

    @AfterAll
    static void stop() {
        PROPERTIES.restore();
        aws.close();
    }

    private static APIGatewayV2HTTPResponse http(String file) {
        return new ApprovalsApiHandler().handleRequest(EventLoader.loadApiGatewayHttpEvent("events/approvals/" + file),
                LocalLambdaContext.of("approvals-api", 1024, 15));
    }

    private static Map<String, Object> task(String file) {
        try (InputStream in = ApprovalsSampleEventsTest.class.getClassLoader().getResourceAsStream("events/approvals/" + file)) {
            return Json.mapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalLambdaContext context() {
        return LocalLambdaContext.of("approval-step", 1024, 30);
    }

    private ApprovalRequest pending(String id, FlagScope scope, String reason) {
        long version = fixtures.disable(Flag.CONTRIBUTE, scope, clock).version();
        return fixtures.request(id, EnableFundFlagAction.NAME, Map.of("flag", "contribute", "scope", scope.key(),
                "enabled", true, "reason", reason, "expectedVersion", version), ALICE, clock);
    }

    private void recordAndWait(String id) {
        new RecordRequestHandler().handleRequest(Map.of("approvalId", id), context());
        new AwaitDecisionHandler().handleRequest(Map.of("approvalId", id, "taskToken", "AQCE" + id), context());
    }

    @Test
    void sampleEvents_takeARequestFromRecordedToApplied() {
        FlagScope r1 = FlagScope.parse("round:R1").orElseThrow();
        ApprovalRequest request = pending(APPROVED_ID, r1, "Investigation closed, contributions on R1 are safe again");
        JsonNode approveBody = Json.readTree(EventLoader.loadApiGatewayHttpEvent("events/approvals/approve.json").getBody());
        assertThat(request.payloadHash()).as("the sample approves this request's hash").isEqualTo(approveBody.path("payloadHash").asText());

        assertThat(new RecordRequestHandler().handleRequest(task("step-record-request.json"), context()))
                .isEqualTo(Map.of("approvalId", APPROVED_ID));
        assertThat(aws.received()).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("Publish");
            assertThat(r.form()).containsEntry("TopicArn", TOPIC);
            assertThat(r.form().get("Message")).contains(APPROVED_ID);
        });
        Map<String, Object> waitInput = task("step-await-decision.json");
        assertThat(new AwaitDecisionHandler().handleRequest(waitInput, context())).containsEntry("awaiting", true);

        JsonNode pendingList = ok(http("list-pending.json"));
        assertThat(pendingList.path("status").asText()).isEqualTo("PENDING");
        assertThat(pendingList.path("approvals").size()).isBetween(1, 10);
        JsonNode view = ok(http("get-approval.json"));
        assertThat(view.path("id").asText()).isEqualTo(APPROVED_ID);
        assertThat(view.path("awaitingDecision").asBoolean()).isTrue();

        JsonNode approved = ok(http("approve.json"));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("decidedByEmail").asText()).isEqualTo("bob@root.example");
        FakeAwsEndpoint.Received sent = aws.received().getLast();
        assertThat(sent.operation()).isEqualTo("AWSStepFunctions.SendTaskSuccess");
        assertThat(Json.readTree(sent.body()).path("taskToken").asText()).isEqualTo(waitInput.get("taskToken"));
        assertThat(Json.readTree(Json.readTree(sent.body()).path("output").asText()).path("decision").asText()).isEqualTo("APPROVED");

        assertThat(new ApplyApprovalHandler().handleRequest(task("step-apply-action.json"), context()))
                .isEqualTo(Map.of("approvalId", APPROVED_ID, "decision", "APPROVED", "status", "APPLIED"));
        assertThat(new RecordOutcomeHandler().handleRequest(task("step-record-outcome-applied.json"), context()))
                .isEqualTo(Map.of("approvalId", APPROVED_ID, "status", "APPLIED"));
        assertThat(fixtures.flags(clock).current(Flag.CONTRIBUTE, r1).enabled()).isTrue();
        assertThat(fixtures.read(APPROVED_ID).closedAt()).isNotNull();
    }

    @Test
    void sampleEvents_rejectionTimeoutAndFailedApply_endAsRecorded() {
        pending(REJECTED_ID, ApprovalFixtures.newRound(), ApprovalFixtures.REASON);
        recordAndWait(REJECTED_ID);
        assertThat(ok(http("reject.json")).path("status").asText()).isEqualTo("REJECTED");
        assertThat(new RecordOutcomeHandler().handleRequest(task("step-record-outcome-rejected.json"), context()))
                .containsEntry("status", "REJECTED");
        assertThat(fixtures.read(REJECTED_ID).decisionNote()).startsWith("The chargeback report");

        pending(TIMED_OUT_ID, ApprovalFixtures.newRound(), ApprovalFixtures.REASON);
        recordAndWait(TIMED_OUT_ID);
        assertThat(new RecordOutcomeHandler().handleRequest(task("step-record-outcome-timeout.json"), context()))
                .containsEntry("status", "EXPIRED");

        FlagScope round = ApprovalFixtures.newRound();
        pending(FAILED_ID, round, ApprovalFixtures.REASON);
        recordAndWait(FAILED_ID);
        ok(new ApprovalsApiHandler().handleRequest(ApprovalsApi.event(ApprovalsApi.APPROVE, FAILED_ID, "{}", "root-bob",
                Role.SUPER_ADMIN), LocalLambdaContext.of("approvals-api", 1024, 15)));
        fixtures.disable(Flag.CONTRIBUTE, round, clock);
        assertThatThrownBy(() -> new ApplyApprovalHandler().handleRequest(Map.of("approvalId", FAILED_ID, "decision", "APPROVED"),
                context())).isInstanceOf(StepRefusedException.class).hasMessageContaining("the flag changed since the request");
        assertThat(new RecordOutcomeHandler().handleRequest(task("step-record-outcome-apply-failed.json"), context()))
                .containsEntry("status", "FAILED");
        ApprovalRequest failed = fixtures.read(FAILED_ID);
        assertThat(failed.outcome()).contains("the flag changed since the request").doesNotContain("stackTrace")
                .doesNotContain("StepResult.java");
    }
}
