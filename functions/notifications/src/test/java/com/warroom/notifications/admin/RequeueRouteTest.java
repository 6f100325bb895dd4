package com.warroom.notifications.admin;

import static com.warroom.notifications.admin.OutboxApi.assertProblem;
import static com.warroom.notifications.admin.OutboxApi.ids;
import static com.warroom.notifications.admin.OutboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditTrail;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(EmbeddedStackExtension.class)
class RequeueRouteTest {

    private static EmbeddedStack stack;
    private static OutboxFixtures fixtures;
    private static OutboxApi api;
    private static AuditTrail trail;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        fixtures = new OutboxFixtures(embedded);
        api = new OutboxApi(new OutboxAdminHandler());
        trail = AuditTrail.fromSettings(fixtures.dynamo());
    }

    @Test
    void requeue_movesFailedItemsBackToPending_queuesThem_andAuditsTheRequest() {
        String first = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");
        String second = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");
        String sent = fixtures.paid(OutboxFixtures.orderId());
        fixtures.outbox().settle(fixtures.outbox().claim(fixtures.stored(sent), fixtures.stored(sent).delivery().channel()).orElseThrow(),
                OutboxStatus.SENT, java.util.Optional.empty());

        APIGatewayV2HTTPResponse response = api.requeue(ids(first, "payment.success:O-never-made", second, sent, "not an outbox id"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.readTree(response.getBody())).isEqualTo(Json.readTree(Json.write(Map.of(
                "requeued", List.of(first, second),
                "skipped", List.of(skipped("payment.success:O-never-made", null, "unknown"), skipped(sent, "SENT", "not FAILED"),
                        skipped("not an outbox id", null, "unknown"))))));
        for (String id : List.of(first, second)) {
            OutboxRecord item = fixtures.stored(id);
            assertThat(item.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(item.delivery().attempts()).as("the earlier tries stay counted").isEqualTo(1);
            assertThat(queued(id)).as("a message for %s on the notifications queue", id).isTrue();
        }
        List<AuditEntry> entries = OutboxApi.requeueEntries(trail, first);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.target()).isEqualTo("outbox");
            assertThat(entry.actorSub()).isEqualTo(OutboxApi.OPS);
            assertThat(entry.actorRoles()).containsExactly("ops");
            assertThat(entry.after()).contains(first, second).doesNotContain(sent);
            assertThat(entry.before()).contains("\"status\":\"FAILED\"").contains("SES failed: throttled");
            assertThat(entry.sourceIp()).isEqualTo("198.51.100.10");
        });
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void requeue_again_skipsWhatIsNoLongerFailed_andTheSameKeyReplaysTheFirstAnswer() {
        String id = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = api.requeue(ids(id), key);
        APIGatewayV2HTTPResponse replay = api.requeue(ids(id), key);
        APIGatewayV2HTTPResponse second = api.requeue(ids(id));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        assertThat(replay.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(json(second).path("requeued")).isEmpty();
        assertThat(json(second).path("skipped")).isEqualTo(Json.readTree(Json.write(List.of(skipped(id, "PENDING", "not FAILED")))));
        assertThat(OutboxApi.requeueEntries(trail, id)).as("one entry: the replay and the no-op write nothing").hasSize(1);
        assertProblem(api.requeue(ids(id, id), key), 422, null);
    }

    @Test
    void requeue_whenSixAdminsRequeueTheSameItemAtOnce_requeuesItOnce() throws Exception {
        String id = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OutboxApi own = new OutboxApi(new OutboxAdminHandler());
            calls.add(() -> own.requeue(ids(id)));
        }

        List<APIGatewayV2HTTPResponse> answers = com.warroom.notifications.sender.Races.race(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200));
        assertThat(answers).filteredOn(answer -> json(answer).path("requeued").size() == 1).hasSize(1);
        assertThat(answers).filteredOn(answer -> json(answer).path("skipped").path(0).path("reason").asText().equals("not FAILED")).hasSize(5);
        assertThat(OutboxApi.requeueEntries(trail, id)).hasSize(1);
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void requeue_whenTheQueueIsDown_putsTheItemBackToFailed_andAnswers503SoThatARetryRequeuesIt() {
        String id = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");
        var dynamo = fixtures.dynamo();
        OutboxAdminHandler queueDown = new OutboxAdminHandler(fixtures.outbox(),
                new AuditLog(dynamo, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC()),
                outboxId -> {
                    throw software.amazon.awssdk.services.sqs.model.SqsException.builder().message("the queue is down").build();
                },
                new IdempotencyStore(dynamo, Topology.IDEMPOTENCY.localName(), Clock.systemUTC()));
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse down = new OutboxApi(queueDown).requeue(ids(id), key);

        assertProblem(down, 503, null);
        assertThat(down.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(fixtures.stored(id).delivery().lastError().orElseThrow()).startsWith("requeued by " + OutboxApi.OPS + " but not queued: the queue is down");
        APIGatewayV2HTTPResponse retried = api.requeue(ids(id), key);
        assertThat(retried.getStatusCode()).as("a 5xx is not kept for replay").isEqualTo(200);
        assertThat(json(retried).path("requeued").get(0).asText()).isEqualTo(id);
        assertThat(queued(id)).isTrue();
    }

    static Stream<Arguments> badBodies() {
        String fiftyOne = Json.write(Map.of("ids", IntStream.range(0, 51).mapToObj(i -> "payment.success:O-" + i).toList()));
        return Stream.of(
                Arguments.of("no body", null, null),
                Arguments.of("not JSON", "{\"ids\": [", null),
                Arguments.of("an array", "[\"payment.success:O-1\"]", null),
                Arguments.of("ids missing", "{}", "ids"),
                Arguments.of("ids null", "{\"ids\": null}", "ids"),
                Arguments.of("ids a string", "{\"ids\": \"payment.success:O-1\"}", "ids"),
                Arguments.of("ids an object", "{\"ids\": {\"id\": \"payment.success:O-1\"}}", "ids"),
                Arguments.of("ids empty", "{\"ids\": []}", "ids"),
                Arguments.of("51 ids", fiftyOne, "ids"),
                Arguments.of("an id a number", "{\"ids\": [\"payment.success:O-1\", 42]}", "ids[1]"),
                Arguments.of("an id null", "{\"ids\": [null]}", "ids[0]"),
                Arguments.of("an id empty", "{\"ids\": [\"\"]}", "ids[0]"),
                Arguments.of("an id too long", "{\"ids\": [\"" + "x".repeat(201) + "\"]}", "ids[0]"),
                Arguments.of("an id twice", "{\"ids\": [\"payment.success:O-1\", \"payment.success:O-1\"]}", "ids[1]"),
                Arguments.of("an unknown field", "{\"ids\": [\"payment.success:O-1\"], \"reason\": \"retry\"}", "reason"),
                Arguments.of("duplicate keys", "{\"ids\": [\"payment.success:O-1\"], \"ids\": []}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void requeue_whenTheBodyIsBad_answers400NamingTheField_andWritesNothing(String what, String body, String field) {
        String id = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");
        int entriesBefore = trail.newest(new com.warroom.audit.AuditQuery(java.util.Optional.empty(), java.util.Optional.empty(), 1,
                java.util.Optional.empty())).stream().findFirst().map(e -> (int) e.seq()).orElse(0);
        APIGatewayV2HTTPResponse response = api.requeue(body);

        assertProblem(response, 400, field);
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(trail.newest(new com.warroom.audit.AuditQuery(java.util.Optional.empty(), java.util.Optional.empty(), 1,
                java.util.Optional.empty())).stream().findFirst().map(e -> (int) e.seq()).orElse(0)).isEqualTo(entriesBefore);
    }

    @Test
    void requeue_withoutAnIdempotencyKey_orNoToken_orAnotherRole_isRefused() {
        String id = fixtures.failed(OutboxFixtures.orderId(), "SES failed: throttled");

        assertProblem(api.call(HttpEvents.route(RequeueAction.ROUTE).caller(OutboxApi.OPS, Role.OPS).body(ids(id)).build()), 400, "Idempotency-Key");
        assertProblem(api.call(HttpEvents.withHeader(HttpEvents.route(RequeueAction.ROUTE).body(ids(id)).build(), "Idempotency-Key", "k-1")), 401, null);
        for (Role role : List.of(Role.FINANCE, Role.SUPPORT, Role.REVIEWER, Role.SERVICE)) {
            assertProblem(api.call(HttpEvents.withHeader(HttpEvents.route(RequeueAction.ROUTE).caller("someone", role).body(ids(id)).build(),
                    "Idempotency-Key", UUID.randomUUID().toString())), 403, null);
        }
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.FAILED);
        APIGatewayV2HTTPResponse superAdmin = api.call(HttpEvents.withHeader(HttpEvents.route(RequeueAction.ROUTE).caller("root", Role.SUPER_ADMIN)
                .body(ids(id)).build(), "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(json(superAdmin).path("requeued").get(0).asText()).isEqualTo(id);
    }

    @Test
    void sampleEvent_requeue_requeuesTheFailedItem_andSkipsTheUnknownOne() {
        String id = "payment.success:O-SAMPLE-2001";
        fixtures.create(new com.warroom.outbox.Notification(com.warroom.outbox.NotificationKind.PAYMENT_SUCCESS, "O-SAMPLE-2001", "user-2001",
                java.util.Optional.of("buyer-2001@buyer.example"), java.util.Optional.empty(), OutboxFixtures.FACTS));
        OutboxRecord claimed = fixtures.outbox().claim(fixtures.stored(id), fixtures.stored(id).delivery().channel()).orElseThrow();
        fixtures.outbox().settle(claimed, OutboxStatus.FAILED, java.util.Optional.of("SES failed: throttled")).orElseThrow();

        APIGatewayV2HTTPResponse response = api.call(EventLoader.loadApiGatewayHttpEvent("events/outbox-admin/requeue.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("requeued").get(0).asText()).isEqualTo(id);
        assertThat(body.path("skipped").get(0).path("reason").asText()).isEqualTo("unknown");
    }

    private static Map<String, Object> skipped(String id, String status, String reason) {
        Map<String, Object> skipped = new java.util.LinkedHashMap<>();
        skipped.put("id", id);
        skipped.put("status", status);
        skipped.put("reason", reason);
        return skipped;
    }

    // left on the queue for others: a received message is made visible again at once
    private static boolean queued(String outboxId) {
        String queue = stack.settings(Topology.warroom()).get(Topology.NOTIFICATIONS.urlEnvVar());
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
            if (messages.stream().anyMatch(m -> m.body().equals("{\"outboxId\":\"" + outboxId + "\"}"))) {
                return true;
            }
        }
        return false;
    }
}
