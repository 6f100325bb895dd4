package com.warroom.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.QueueDef;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /v1/health} against the embedded stack. The tests that take a table or queue away put it
 * back from the topology (and re-export the settings) after each test, so the stack stays whole.
 */
@ExtendWith(EmbeddedStackExtension.class)
class HealthHandlerTest {

    private static final String ROUTE = "GET /v1/health";
    private static EmbeddedStack stack;
    private final HealthHandler handler = new HealthHandler();

    /** DynamoDB Local logs each call on a missing table, and each re-creation of an existing one, as a warning with its stack. */
    private static final String DYNAMODB_LOCAL_LOGGERS = "com.amazonaws.services.dynamodbv2";
    private static Level dynamoLocalLevel;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        dynamoLocalLevel = LogManager.getLogger(DYNAMODB_LOCAL_LOGGERS).getLevel();
        Configurator.setLevel(DYNAMODB_LOCAL_LOGGERS, Level.ERROR);
    }

    @AfterAll
    static void restoreLogging() {
        Configurator.setLevel(DYNAMODB_LOCAL_LOGGERS, dynamoLocalLevel);
    }

    @AfterEach
    void restoreTheStack() {
        stack.provision(Topology.warroom()).exportAsSystemProperties(Topology.warroom());
        assertThat(health(handler, plainEvent()).getStatusCode()).as("the stack is whole again").isEqualTo(200);
    }

    private static APIGatewayV2HTTPEvent plainEvent() {
        return HttpEvents.route(ROUTE).build();
    }

    private static APIGatewayV2HTTPResponse health(HealthHandler handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("health", 512, 10));
    }

    private static JsonNode starting(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = Json.readTree(response.getBody());
        assertThat(body.path("status").asText()).isEqualTo("starting");
        return body;
    }

    private static List<String> waitingFor(JsonNode body) {
        return Json.mapper().convertValue(body.path("waitingFor"), Json.mapper().getTypeFactory()
                .constructCollectionType(List.class, String.class));
    }

    @Test
    void health_whenEveryTableAndQueueExists_answers200StatusOkWithoutToken() {
        APIGatewayV2HTTPResponse response = health(handler, plainEvent());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(Json.readTree(response.getBody())).isEqualTo(Json.readTree("{\"status\":\"ok\"}"));
    }

    @Test
    void health_whenCalledWithAToken_stillAnswers200() {
        APIGatewayV2HTTPResponse response = health(handler, HttpEvents.route(ROUTE).caller("svc", Role.SERVICE).build());

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @Event(value = "events/health/health.json", type = APIGatewayV2HTTPEvent.class)
    void healthSample_answers200StatusOk(APIGatewayV2HTTPEvent event) {
        assertThat(event.getRequestContext().getAuthorizer()).as("the sample carries no token").isNull();

        APIGatewayV2HTTPResponse response = health(handler, event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.readTree(response.getBody()).path("status").asText()).isEqualTo("ok");
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", "Q1aAigjAyQ0EJhw=");
    }

    @Test
    void health_whenATableIsMissing_answers503WaitingForThatTableOnly() {
        stack.dynamoDb().deleteTable(b -> b.tableName(Topology.APPROVALS.localName()));

        JsonNode body = starting(health(handler, plainEvent()));

        assertThat(waitingFor(body)).containsExactly("table " + Topology.APPROVALS.logicalName());
    }

    @Test
    void health_whenAQueueIsMissing_answers503WaitingForThatQueueOnly() {
        QueueDef queue = Topology.FLAG_CHANGES;
        stack.sqs().deleteQueue(b -> b.queueUrl(System.getProperty(queue.urlEnvVar())));

        JsonNode body = starting(health(handler, plainEvent()));

        assertThat(waitingFor(body)).containsExactly("queue " + queue.logicalName());
    }

    @Test
    void health_whenTableNamePointsAtNoTable_answers503WaitingForIt() {
        TableDef audit = Topology.AUDIT;
        System.setProperty(audit.envVar(), "warroom-no-such-table");

        JsonNode body = starting(health(handler, plainEvent()));

        assertThat(waitingFor(body)).containsExactly("table " + audit.logicalName());
    }

    @Test
    void health_whenQueueUrlPointsAtNoQueue_answers503WaitingForIt() {
        QueueDef queue = Topology.FLAG_CHANGES;
        System.setProperty(queue.urlEnvVar(), stack.sqsEndpoint() + "/000000000000/warroom-no-such-queue");

        JsonNode body = starting(health(handler, plainEvent()));

        assertThat(waitingFor(body)).containsExactly("queue " + queue.logicalName());
    }

    @Test
    void health_whenDynamoDbCannotBeReached_answers503WaitingForEveryTable() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + EmbeddedStack.freePort());
        try (DynamoDbClient unreachable = DynamoDbClient.builder().endpointOverride(nowhere).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            HealthHandler cutOff = new HealthHandler(new ReadinessProbe(unreachable, stack.sqs(), Topology.warroom()));

            JsonNode body = starting(health(cutOff, plainEvent()));

            assertThat(waitingFor(body)).containsExactlyElementsOf(
                    Topology.warroom().tables().stream().map(t -> "table " + t.logicalName()).toList());
        }
    }

    @Test
    void health_whenEverythingIsMissing_namesEveryTableAndQueue() {
        Topology topology = Topology.warroom();
        topology.tables().forEach(t -> stack.dynamoDb().deleteTable(b -> b.tableName(t.localName())));
        topology.queues().forEach(q -> stack.sqs().deleteQueue(b -> b.queueUrl(System.getProperty(q.urlEnvVar()))));

        JsonNode body = starting(health(handler, plainEvent()));

        assertThat(waitingFor(body)).containsExactlyElementsOf(Stream.concat(
                topology.tables().stream().map(t -> "table " + t.logicalName()),
                topology.queues().stream().map(q -> "queue " + q.logicalName())).toList());
    }

    @Test
    void health_onAnotherRoute_answers404Problem() {
        APIGatewayV2HTTPResponse response = health(handler, HttpEvents.route("GET /v1/admin/audit").build());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(Json.readTree(response.getBody()).path("status").asInt()).isEqualTo(404);
    }
}
