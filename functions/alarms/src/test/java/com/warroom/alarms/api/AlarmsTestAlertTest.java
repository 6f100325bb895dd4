package com.warroom.alarms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.json.Json;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

/** {@code POST /v1/admin/alerts/test}: the alert reaches the alerts topic, says who sent it, and is audited. */
@ExtendWith(EmbeddedStackExtension.class)
class AlarmsTestAlertTest {

    @TempDir
    Path data;
    private EmbeddedStack stack;
    private AlarmsApi api;
    private String alertsQueue;

    @BeforeEach
    void setUp(EmbeddedStack embedded) {
        stack = embedded;
        api = new AlarmsApi(data.resolve("metrics.jsonl"), AdjustableClock.startingAt(Instant.parse("2026-12-01T03:00:00Z")));
        alertsQueue = stack.localSns().queueUrl(Topology.ALERTS).orElseThrow();
        AlarmsRouteTest.drain(stack, alertsQueue);
    }

    @Test
    void testAlert_publishesASimulasiAlertSayingWhoSentIt_answersItsMessageId_andAuditsIt() {
        APIGatewayV2HTTPResponse response = api.testAlert("ops-olga", Role.OPS, "{\"note\":\"drill before launch\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        String messageId = Json.readTree(response.getBody()).path("messageId").asText();
        assertThat(messageId).isNotBlank();
        List<Message> arrived = stack.sqs().receiveMessage(b -> b.queueUrl(alertsQueue).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(arrived).hasSize(1);
        JsonNode notification = Json.readTree(arrived.getFirst().body());
        assertThat(notification.path("MessageId").asText()).isEqualTo(messageId);
        assertThat(notification.path("Subject").asText()).contains("simulasi alert");
        assertThat(notification.path("Message").asText()).startsWith("simulasi alert").contains("ops-olga", "drill before launch",
                "2026-12-01T03:00:00Z");
        AuditEntry entry = entries().getFirst();
        assertThat(entry.action()).isEqualTo(TestAlert.AUDIT_ACTION);
        assertThat(entry.actorSub()).isEqualTo("ops-olga");
        assertThat(entry.after()).contains(messageId);
        assertThat(AuditTrail.fromSettings(AwsClients.dynamoDbEnhanced()).verify().ok()).isTrue();
    }

    @Test
    void testAlert_withAnEmptyObject_isSentBySuperAdminToo() {
        APIGatewayV2HTTPResponse response = api.testAlert("root-rita", Role.SUPER_ADMIN, "{}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(alertsQueue).waitTimeSeconds(1)).messages()).singleElement()
                .satisfies(m -> assertThat(Json.readTree(m.body()).path("Message").asText()).contains("root-rita"));
    }

    @Test
    void testAlert_retriedWithTheSameKey_answersTheFirstMessageId_andSendsOnce() {
        String key = java.util.UUID.randomUUID().toString();
        var event = HttpEvents.withHeader(HttpEvents.route(TestAlertAction.ROUTE).caller("ops-olga", Role.OPS).body("{}").build(),
                "Idempotency-Key", key);

        APIGatewayV2HTTPResponse first = api.call(event);
        APIGatewayV2HTTPResponse retry = api.call(event);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(alertsQueue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
                .hasSize(1);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"note\":", 400, null),
                Arguments.of("", 400, null),
                Arguments.of("[]", 400, null),
                Arguments.of("{\"note\":42}", 400, "note"),
                Arguments.of("{\"note\":\"\"}", 400, "note"),
                Arguments.of("{\"note\":\"" + "x".repeat(TestAlertAction.MAX_NOTE + 1) + "\"}", 400, "note"),
                Arguments.of("{\"topic\":\"elsewhere\"}", 400, "topic"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void testAlert_withABadBody_isRefused_andSendsNothing(String body, int status, String field) {
        int before = entries().size();

        assertProblem(api.testAlert("ops-olga", Role.OPS, body), status, field);

        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(alertsQueue)).messages()).isEmpty();
        assertThat(entries()).hasSize(before);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FINANCE", "SUPPORT", "REVIEWER", "SERVICE"})
    void testAlert_whenTheRoleMayNotSend_is403_andSendsNothing(Role role) {
        assertProblem(api.testAlert("someone", role, "{}"), 403, null);

        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(alertsQueue)).messages()).isEmpty();
    }

    @Test
    void testAlert_withoutAToken_is401() {
        assertProblem(api.call(HttpEvents.route(TestAlertAction.ROUTE).body("{}").build()), 401, null);
    }

    private static List<AuditEntry> entries() {
        return AuditTrail.fromSettings(AwsClients.dynamoDbEnhanced())
                .newest(new AuditQuery(Optional.of(TestAlert.AUDIT_TARGET), Optional.empty(), 200, Optional.empty()));
    }

    static void assertProblem(APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = Json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception");
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
        }
    }
}
