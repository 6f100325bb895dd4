package com.warroom.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.local.stack.sfn.ExecutionStatus;
import com.warroom.local.stack.sfn.ExecutionView;
import com.warroom.local.stack.sfn.StepCalls;
import com.warroom.local.stack.sfn.TestWorkflows;
import com.warroom.local.stack.sns.MessageAttribute;
import com.warroom.local.stack.sns.PublishedMessage;
import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Verification;
import com.warroom.topology.KeyDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.ScanWorkflowDef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local Step Functions and SNS as part of the embedded stack: provisioned from a topology, exported as settings,
 * and reached by Warroom's own client factory ({@link AwsClients}) as production code reaches AWS.
 */
class EmbeddedStackEmulatorsTest {

    private static final TopicDef NOTICES = new TopicDef("test-notices", "WARROOM_TEST_TOPIC_NOTICES_ARN");
    private static final TopicDef UNREGISTERED = new TopicDef("test-unregistered", "WARROOM_TEST_TOPIC_UNREGISTERED_ARN");
    private static final KeyDef SEALS = new KeyDef("test-seals", "WARROOM_TEST_KEY_SEALS_ID");
    private static final Topology TOPOLOGY = Topology.builder().topics(NOTICES).keys(SEALS).workflows(TestWorkflows.APPROVAL, TestWorkflows.SCAN)
            .functions(TestWorkflows.APPROVAL.functions().toArray(FunctionDef[]::new))
            .functions(TestWorkflows.SCAN.functions().toArray(FunctionDef[]::new)).build();
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral());
        stack.provision(TOPOLOGY).exportAsSystemProperties(TOPOLOGY);
    }

    @AfterAll
    static void stop() {
        stack.settings(TOPOLOGY).keySet().forEach(System::clearProperty);
        stack.close();
    }

    @Test
    void settings_pointAtTheEmulatorsAndNameEachTopicAndStateMachineByItsLocalArn() {
        Map<String, String> settings = stack.settings(TOPOLOGY);

        assertThat(settings).containsEntry("AWS_ENDPOINT_URL_SFN", stack.sfnEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_SNS", stack.snsEndpoint().toString())
                .containsEntry(NOTICES.arnEnvVar(), "arn:aws:sns:us-east-1:000000000000:warroom-test-notices")
                .containsEntry(TestWorkflows.APPROVAL.arnEnvVar(), "arn:aws:states:us-east-1:000000000000:stateMachine:warroom-t-approval")
                .containsEntry(TestWorkflows.SCAN.arnEnvVar(), "arn:aws:states:us-east-1:000000000000:stateMachine:warroom-t-scan");
        assertThat(stack.sfnEndpoint().getHost()).isEqualTo(EmbeddedStack.LOOPBACK);
        assertThat(stack.snsEndpoint().getHost()).isEqualTo(EmbeddedStack.LOOPBACK);
        assertThat(Settings.find("AWS_ENDPOINT_URL_SFN")).contains(stack.sfnEndpoint().toString());
    }

    @Test
    void provision_whenTopologyHasAKey_exportsItsArnAndTheKmsEndpointForTheProductionClient() {
        Map<String, String> settings = stack.settings(TOPOLOGY);
        assertThat(settings).containsEntry("AWS_ENDPOINT_URL_KMS", stack.kmsEndpoint().toString())
                .containsEntry(SEALS.idEnvVar(), stack.localKms().keyArn(SEALS));
        assertThat(stack.kmsEndpoint().getHost()).isEqualTo(EmbeddedStack.LOOPBACK);

        stack.provision(TOPOLOGY);
        assertThat(stack.settings(TOPOLOGY)).containsEntry(SEALS.idEnvVar(), settings.get(SEALS.idEnvVar()));
        try (var kms = AwsClients.kms()) {
            var sealer = new KmsSealer(kms, Settings.require(SEALS.idEnvVar()));
            byte[] record = CanonicalBytes.of("audit", "head", "42");
            assertThat(sealer.verify(record, sealer.seal(record))).isEqualTo(new Verification.Valid());
        }
    }

    @Test
    void options_withTheOriginalThreeArguments_pickFreePortsForTheEmulators() {
        var options = new EmbeddedStack.Options(4566, 9324, Optional.empty());

        assertThat(options.sfnPort()).isZero();
        assertThat(options.snsPort()).isZero();
        assertThat(options.kmsPort()).isZero();
        assertThat(options.kmsKeyFile()).isEmpty();
        assertThat(options.s3Port()).isZero();
        assertThat(options.s3DataDir()).isEmpty();
        assertThat(EmbeddedStack.Options.ephemeral())
                .isEqualTo(new EmbeddedStack.Options(0, 0, Optional.empty(), 0, 0, 0, Optional.empty()));
    }

    @Test
    void options_withAKeyFileButNoS3Folder_keepTheObjectsBesideTheKeyFile() {
        var options = new EmbeddedStack.Options(0, 0, Optional.empty(), 0, 0, 0, Optional.of(Path.of("/data/kms-keys.json")));

        assertThat(options.s3DataDir()).contains(Path.of("/data/s3"));
        assertThat(options.s3Port()).isZero();
    }

    @Test
    void publish_throughTheProductionSnsClient_isKeptInMemoryAndDeliveredToTheTopicsQueue() throws Exception {
        String text = "approval " + UUID.randomUUID() + " needs a second approver & <review> — é";
        String messageId;
        try (SnsClient sns = AwsClients.sns()) {
            messageId = sns.publish(b -> b.topicArn(Settings.require(NOTICES.arnEnvVar())).subject("Approval requested").message(text)
                    .messageAttributes(Map.of(
                            "kind", MessageAttributeValue.builder().dataType("String").stringValue("approval").build(),
                            "amount", MessageAttributeValue.builder().dataType("Number").stringValue("1500").build(),
                            "blob", MessageAttributeValue.builder().dataType("Binary")
                                    .binaryValue(SdkBytes.fromUtf8String("raw")).build())))
                    .messageId();
        }

        PublishedMessage published = stack.localSns().published(NOTICES).stream()
                .filter(m -> m.messageId().equals(messageId)).findFirst().orElseThrow();
        assertThat(published.message()).isEqualTo(text);
        assertThat(published.subject()).contains("Approval requested");
        assertThat(published.topicArn()).isEqualTo(stack.localSns().topicArn(NOTICES));
        assertThat(published.attributes()).containsEntry("kind", new MessageAttribute("String", "approval"))
                .containsEntry("amount", new MessageAttribute("Number", "1500"))
                .containsEntry("blob", new MessageAttribute("Binary", "cmF3"));

        JsonNode delivered = deliveredNotification(messageId);
        assertThat(delivered.get("Type").asText()).isEqualTo("Notification");
        assertThat(delivered.get("TopicArn").asText()).isEqualTo(published.topicArn());
        assertThat(delivered.get("Subject").asText()).isEqualTo("Approval requested");
        assertThat(delivered.get("Message").asText()).isEqualTo(text);
        assertThat(delivered.at("/MessageAttributes/kind/Value").asText()).isEqualTo("approval");
        assertThat(delivered.at("/MessageAttributes/amount/Type").asText()).isEqualTo("Number");
    }

    @Test
    void publish_whenTheTopicIsUnknownOrTheMessageInvalid_throwsTheSdksTypedExceptions() {
        try (SnsClient sns = AwsClients.sns()) {
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(stack.localSns().topicArn(UNREGISTERED)).message("m")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(Settings.require(NOTICES.arnEnvVar()))))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(Settings.require(NOTICES.arnEnvVar())).message("m")
                    .messageAttributes(Map.of("bad", MessageAttributeValue.builder().dataType("Decimal").stringValue("1").build()))))
                    .isInstanceOf(InvalidParameterValueException.class);
        }
        assertThat(stack.localSns().published(UNREGISTERED)).isEmpty();
    }

    @Test
    void workflow_throughTheProductionSfnClient_runsToItsOutcome() throws Exception {
        String id = "apr-" + UUID.randomUUID();
        try (SfnClient sfn = AwsClients.sfn()) {
            String arn = sfn.startExecution(b -> b.stateMachineArn(Settings.require(TestWorkflows.APPROVAL.arnEnvVar())).name(id)
                    .input("{\"approvalId\":\"" + id + "\"}")).executionArn();
            String token = stack.localStepFunctions().awaitQuiet(arn, QUIET_WITHIN).waitingTaskToken().orElseThrow();

            sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approvalId\":\"" + id + "\",\"decision\":\"APPROVED\"}"));

            assertThat(stack.localStepFunctions().awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.describeExecution(b -> b.executionArn(arn)).statusAsString()).isEqualTo("SUCCEEDED");
        }
        assertThat(StepCalls.functionsCalledFor(id)).containsExactly("t-record", "t-await", "t-apply", "t-outcome");
    }

    @Test
    void scanWorkflow_throughTheProductionSfnClient_mapsItsSegmentsAndSucceeds() throws Exception {
        String runId = "run-" + UUID.randomUUID();
        try (SfnClient sfn = AwsClients.sfn()) {
            String arn = sfn.startExecution(b -> b.stateMachineArn(Settings.require(TestWorkflows.SCAN.arnEnvVar())).name(runId)
                    .input("{\"runId\":\"" + runId + "\",\"day\":\"2026-11-30\",\"totalSegments\":2}")).executionArn();

            assertThat(stack.localStepFunctions().awaitQuiet(arn, QUIET_WITHIN).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.describeExecution(b -> b.executionArn(arn)).statusAsString()).isEqualTo("SUCCEEDED");
            assertThat(stack.localStepFunctions().statesEntered(arn)).containsExactly(ScanWorkflowDef.PREPARE, ScanWorkflowDef.SCAN_SEGMENTS,
                    ScanWorkflowDef.SCAN_SEGMENT, ScanWorkflowDef.SCAN_SEGMENT, ScanWorkflowDef.COMBINE, ScanWorkflowDef.REPORT);
        }
    }

    @Test
    void clock_whenMovedPastTheDecisionTimeout_letsTheStackTimeTheTaskOut() throws Exception {
        String id = "apr-" + UUID.randomUUID();
        try (SfnClient sfn = AwsClients.sfn()) {
            String arn = sfn.startExecution(b -> b.stateMachineArn(Settings.require(TestWorkflows.APPROVAL.arnEnvVar())).name(id)
                    .input("{\"approvalId\":\"" + id + "\"}")).executionArn();
            stack.localStepFunctions().awaitQuiet(arn, QUIET_WITHIN);

            stack.clock().advance(TestWorkflows.DECISION_TIMEOUT.plusMinutes(1));
            stack.localStepFunctions().fireDueTimeouts(); // the stack's own one-second check may have fired it already
            ExecutionView ended = stack.localStepFunctions().awaitQuiet(arn, QUIET_WITHIN);

            assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
        assertThat(StepCalls.last(id, "t-outcome").input().get("error"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("Error", "States.Timeout");
    }

    private static JsonNode deliveredNotification(String messageId) throws Exception {
        String queueUrl = stack.localSns().queueUrl(NOTICES).orElseThrow();
        assertThat(queueUrl).isEqualTo(stack.sqs().getQueueUrl(b -> b.queueName(NOTICES.localName())).queueUrl());
        // a few receives: other tests publish to the same queue
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message message : messages) {
                JsonNode body = JSON.readTree(message.body());
                if (body.get("MessageId").asText().equals(messageId)) {
                    return body;
                }
            }
        }
        throw new AssertionError("message " + messageId + " never reached " + queueUrl);
    }
}
