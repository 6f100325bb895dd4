package com.warroom.incidents.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
 * The Logs Insights search with the real SDK client against WireMock serving CloudWatch Logs' JSON API
 * ({@code X-Amz-Target: Logs_20140328.*}) as AWS documents StartQuery, GetQueryResults and StopQuery.
 */
class InsightsLogSearchTest {

    private static final String TARGET = "X-Amz-Target";
    private static final String JSON = "application/x-amz-json-1.1";
    private static final List<String> GROUPS = List.of("/aws/lambda/warroom-payment-processor", "/aws/lambda/warroom-payout-worker");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T10:00:00Z");

    private static WireMockServer logs;
    private static CloudWatchLogsClient client;
    private final AtomicInteger pauses = new AtomicInteger();

    @BeforeAll
    static void start() {
        logs = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        logs.start();
        client = CloudWatchLogsClient.builder().region(Region.AP_SOUTHEAST_1).endpointOverride(URI.create(logs.baseUrl()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        logs.stop();
    }

    @BeforeEach
    void reset() {
        logs.resetAll();
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.StartQuery"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"queryId\":\"q-1\"}")));
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.StopQuery"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"success\":true}")));
    }

    private InsightsLogSearch search() {
        return new InsightsLogSearch(client, GROUPS, duration -> pauses.incrementAndGet());
    }

    @Test
    void search_whenTheQueryCompletesAfterRunning_keepsItsRowsInTimeOrder() {
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.GetQueryResults"))
                .inScenario("query").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"status\":\"Running\",\"results\":[]}")));
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.GetQueryResults"))
                .inScenario("query").whenScenarioStateIs("done")
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("""
                        {"status":"Complete","results":[
                          [{"field":"@timestamp","value":"2026-12-01 09:30:00.000"},
                           {"field":"@log","value":"123456789012:/aws/lambda/warroom-payout-worker"},
                           {"field":"@message","value":"payout po-1 held"},{"field":"@ptr","value":"CmAK"}],
                          [{"field":"@timestamp","value":"2026-12-01 09:00:00.000"},
                           {"field":"@log","value":"123456789012:/aws/lambda/warroom-payment-processor"},
                           {"field":"@message","value":"applied payment of ord.1"},{"field":"@ptr","value":"CmBK"}]],
                         "statistics":{"recordsMatched":2.0,"recordsScanned":1200.0,"bytesScanned":90000.0}}""")));

        LogSearch.LogResults results = search().search(Set.of("ord.1", "po-1"), FROM, TO);

        assertThat(results.source()).isEqualTo("cloudwatch-logs-insights");
        assertThat(results.status()).isEqualTo("Complete");
        assertThat(results.logs()).isEqualTo(GROUPS);
        assertThat(results.lines()).extracting(LogSearch.LogLine::message).containsExactly("applied payment of ord.1", "payout po-1 held");
        assertThat(results.lines().get(0).timestamp()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(results.lines().get(0).log()).isEqualTo("123456789012:/aws/lambda/warroom-payment-processor");
        assertThat(pauses.get()).isEqualTo(1);
        logs.verify(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.StartQuery"))
                .withRequestBody(matchingJsonPath("$.logGroupNames[1]", equalTo("/aws/lambda/warroom-payout-worker")))
                .withRequestBody(matchingJsonPath("$.startTime", equalTo(Long.toString(FROM.getEpochSecond()))))
                .withRequestBody(matchingJsonPath("$.endTime", equalTo(Long.toString(TO.getEpochSecond() + 1))))
                .withRequestBody(matchingJsonPath("$.queryString", equalTo(
                        "fields @timestamp, @log, @message | filter @message like /ord\\.1|po-1/ | sort @timestamp asc | limit 10000"))));
    }

    @Test
    void search_whenTheQueryNeverCompletes_stopsItAndKeepsWhatItHadAsPartial() {
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.GetQueryResults"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("""
                        {"status":"Running","results":[[{"field":"@timestamp","value":"2026-12-01 09:00:00.000"},
                          {"field":"@log","value":"123456789012:/aws/lambda/warroom-payment-processor"},
                          {"field":"@message","value":"applied payment of ord-1"}]]}""")));

        LogSearch.LogResults results = search().search(Set.of("ord-1"), FROM, TO);

        assertThat(results.status()).startsWith("Partial");
        assertThat(results.lines()).hasSize(1);
        assertThat(pauses.get()).isEqualTo(InsightsLogSearch.MAX_POLLS);
        logs.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.StopQuery"))
                .withRequestBody(matchingJsonPath("$.queryId", equalTo("q-1"))));
    }

    @Test
    void search_whenCloudWatchLogsRefuses_isUnavailable() {
        logs.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("Logs_20140328.StartQuery"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                        .withBody("{\"__type\":\"LimitExceededException\",\"message\":\"too many concurrent queries\"}")));

        assertThatThrownBy(() -> search().search(Set.of("ord-1"), FROM, TO))
                .isInstanceOf(EvidenceUnavailable.class).hasMessageContaining("Logs Insights failed");
    }

    @Test
    void query_escapesTheDotsOfIds() {
        assertThat(InsightsLogSearch.query(Set.of("u.1@x", "ord-2")))
                .isEqualTo("fields @timestamp, @log, @message | filter @message like /ord-2|u\\.1@x/ | sort @timestamp asc | limit 10000");
    }
}
