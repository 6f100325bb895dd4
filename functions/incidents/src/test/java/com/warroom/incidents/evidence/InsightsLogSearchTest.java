package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.warroom.json.Json;
import com.warroom.local.stack.LoopbackHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The Logs Insights search with the real SDK client against a loopback server answering CloudWatch Logs' JSON API
 * ({@code X-Amz-Target: Logs_20140328.*}) with the documented shapes of StartQuery, GetQueryResults and StopQuery.
 */
class InsightsLogSearchTest {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final List<String> GROUPS = List.of("/aws/lambda/warroom-payment-processor", "/aws/lambda/warroom-payout-worker");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T10:00:00Z");

    /** What each operation answers, in turn (the last answer repeats): status code and body. */
    private static final Map<String, Deque<Answer>> ANSWERS = new ConcurrentHashMap<>();
    /** Every request received: operation and body. */
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private record Answer(int status, String body) {
    }

    private record Received(String operation, JsonNode body) {
    }

    private static LoopbackHttpServer logs;
    private static CloudWatchLogsClient client;
    private final AtomicInteger pauses = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        logs = LoopbackHttpServer.start(0, "cloudwatch-logs", InsightsLogSearchTest::serve);
        client = CloudWatchLogsClient.builder().region(Region.AP_SOUTHEAST_1).endpointOverride(logs.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        logs.close();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        String operation = target.substring(target.indexOf('.') + 1);
        RECEIVED.add(new Received(operation, Json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))));
        Deque<Answer> answers = ANSWERS.getOrDefault(operation, new ArrayDeque<>(List.of(new Answer(400,
                "{\"__type\":\"InvalidParameterException\",\"message\":\"unexpected " + operation + "\"}"))));
        Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void answer(String operation, Answer... answers) {
        ANSWERS.put(operation, new ArrayDeque<>(List.of(answers)));
    }

    private static List<JsonNode> received(String operation) {
        return RECEIVED.stream().filter(r -> r.operation().equals(operation)).map(Received::body).toList();
    }

    @BeforeEach
    void reset() {
        ANSWERS.clear();
        RECEIVED.clear();
        answer("StartQuery", new Answer(200, "{\"queryId\":\"q-1\"}"));
        answer("StopQuery", new Answer(200, "{\"success\":true}"));
    }

    private InsightsLogSearch search() {
        return new InsightsLogSearch(client, GROUPS, duration -> pauses.incrementAndGet());
    }

    @Test
    void search_whenTheQueryCompletesAfterRunning_keepsItsRowsInTimeOrder() {
        answer("GetQueryResults", new Answer(200, "{\"status\":\"Running\",\"results\":[]}"), new Answer(200, """
                {"status":"Complete","results":[
                  [{"field":"@timestamp","value":"2026-12-01 09:30:00.000"},
                   {"field":"@log","value":"123456789012:/aws/lambda/warroom-payout-worker"},
                   {"field":"@message","value":"payout po-1 held"},{"field":"@ptr","value":"CmAK"}],
                  [{"field":"@timestamp","value":"2026-12-01 09:00:00.000"},
                   {"field":"@log","value":"123456789012:/aws/lambda/warroom-payment-processor"},
                   {"field":"@message","value":"applied payment of ord.1"},{"field":"@ptr","value":"CmBK"}]],
                 "statistics":{"recordsMatched":2.0,"recordsScanned":1200.0,"bytesScanned":90000.0}}"""));

        LogSearch.LogResults results = search().search(Set.of("ord.1", "po-1"), FROM, TO);

        assertThat(results.source()).isEqualTo("cloudwatch-logs-insights");
        assertThat(results.status()).isEqualTo("Complete");
        assertThat(results.logs()).isEqualTo(GROUPS);
        assertThat(results.lines()).extracting(LogSearch.LogLine::message).containsExactly("applied payment of ord.1", "payout po-1 held");
        assertThat(results.lines().get(0).timestamp()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(results.lines().get(0).log()).isEqualTo("123456789012:/aws/lambda/warroom-payment-processor");
        assertThat(pauses.get()).isEqualTo(1);
        JsonNode start = received("StartQuery").get(0);
        assertThat(start.path("logGroupNames").size()).isEqualTo(2);
        assertThat(start.path("logGroupNames").get(1).asText()).isEqualTo("/aws/lambda/warroom-payout-worker");
        assertThat(start.path("startTime").asLong()).isEqualTo(FROM.getEpochSecond());
        assertThat(start.path("endTime").asLong()).isEqualTo(TO.getEpochSecond() + 1);
        assertThat(start.path("queryString").asText())
                .isEqualTo("fields @timestamp, @log, @message | filter @message like /ord\\.1|po-1/ | sort @timestamp asc | limit 10000");
        assertThat(received("GetQueryResults")).hasSize(2).allSatisfy(get -> assertThat(get.path("queryId").asText()).isEqualTo("q-1"));
        assertThat(received("StopQuery")).isEmpty();
    }

    @Test
    void search_whenTheQueryNeverCompletes_stopsItAndKeepsWhatItHadAsPartial() {
        answer("GetQueryResults", new Answer(200, """
                {"status":"Running","results":[[{"field":"@timestamp","value":"2026-12-01 09:00:00.000"},
                  {"field":"@log","value":"123456789012:/aws/lambda/warroom-payment-processor"},
                  {"field":"@message","value":"applied payment of ord-1"}]]}"""));

        LogSearch.LogResults results = search().search(Set.of("ord-1"), FROM, TO);

        assertThat(results.status()).startsWith("Partial");
        assertThat(results.lines()).hasSize(1);
        assertThat(pauses.get()).isEqualTo(InsightsLogSearch.MAX_POLLS);
        assertThat(received("StopQuery")).singleElement().satisfies(stop -> assertThat(stop.path("queryId").asText()).isEqualTo("q-1"));
    }

    @Test
    void search_whenCloudWatchLogsRefuses_isUnavailable() {
        answer("StartQuery", new Answer(400, "{\"__type\":\"LimitExceededException\",\"message\":\"too many concurrent queries\"}"));

        assertThatThrownBy(() -> search().search(Set.of("ord-1"), FROM, TO))
                .isInstanceOf(EvidenceUnavailable.class).hasMessageContaining("Logs Insights failed");
    }

    @Test
    void query_escapesTheDotsOfIds() {
        assertThat(InsightsLogSearch.query(Set.of("u.1@x", "ord-2")))
                .isEqualTo("fields @timestamp, @log, @message | filter @message like /ord-2|u\\.1@x/ | sort @timestamp asc | limit 10000");
    }
}
