package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The platform's events on a laptop, where there is no EventBridge: posted to {@code ./warroom up}'s gateway, queued as
 * the bus would deliver them, taken in by the ingest's poller: the round's ledger account moves, and a bad event waits
 * in the dead-letter queue with its reason.
 */
class PlatformEventsUpTest {

    private static final Map<String, String> ENV = Map.ofEntries(Map.entry("WARROOM_DATA", "data"), Map.entry("WARROOM_PORT", "0"),
            Map.entry("WARROOM_DYNAMODB_PORT", "0"), Map.entry("WARROOM_SQS_PORT", "0"), Map.entry("WARROOM_SFN_PORT", "0"),
            Map.entry("WARROOM_SNS_PORT", "0"), Map.entry("WARROOM_KMS_PORT", "0"), Map.entry("WARROOM_S3_PORT", "0"),
            Map.entry("WARROOM_SES_PORT", "0"), Map.entry("WARROOM_MIDTRANS_PORT", "0"), Map.entry("WARROOM_CUSTODY_PORT", "0"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Properties before;

    @TempDir
    Path workDir;

    @BeforeEach
    void keepSettings() {
        before = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSettings() {
        System.setProperties(before);
    }

    @Test
    void postedEvents_areTakenInByTheIngestsPoller_andABadOneWaitsInTheDeadLetterQueueWithItsReason() throws Exception {
        String service = CliRun.of(ENV, workDir, "token", "--role", "service", "--sub", "platform").out().strip();
        String finance = CliRun.of(ENV, workDir, "token", "--role", "finance", "--sub", "fiona").out().strip();

        try (RunningUp up = RunningUp.start(ENV, workDir)) {
            URI api = up.apiUrl();
            assertThat(post(api, service, "{\"id\":\"up-c1\",\"type\":\"ContributionConfirmed\",\"detail\":{\"roundId\":\"round-up\","
                    + "\"userId\":\"u-up\",\"amount\":\"100.00\",\"asset\":\"USDC\",\"txHash\":\"0xabc\"}}").statusCode()).isEqualTo(202);
            assertThat(post(api, service, "{\"id\":\"up-r1\",\"type\":\"RefundIssued\",\"detail\":{\"roundId\":\"round-up\","
                    + "\"userId\":\"u-up\",\"amount\":\"40.00\",\"asset\":\"USDC\",\"reference\":\"refund-1\"}}").statusCode()).isEqualTo(202);
            // valid for the route, refused by the ingest: a second finalization of one round
            assertThat(post(api, service, "{\"id\":\"up-f1\",\"type\":\"RoundFinalized\",\"detail\":{\"roundId\":\"round-up\","
                    + "\"totalRaised\":\"60\",\"asset\":\"USDC\",\"contributorCount\":1}}").statusCode()).isEqualTo(202);
            assertThat(post(api, service, "{\"id\":\"up-f2\",\"type\":\"RoundFinalized\",\"detail\":{\"roundId\":\"round-up\","
                    + "\"totalRaised\":\"61\",\"asset\":\"USDC\",\"contributorCount\":1}}").statusCode()).isEqualTo(202);

            Eventually.await("the ingest posted the contribution and the refund", () -> {
                JsonNode account = Json.readTree(get(api, finance, "/v1/admin/ledger/accounts/round_raised:round-up").body());
                return account.path("balances").size() == 1 && account.path("balances").get(0).path("minor").asLong() == 60_000_000L;
            });
            URI queue = up.queueUrl();
            String dlq = queue.getScheme() + "://" + queue.getAuthority() + "/000000000000/warroom-platform-events-dlq";
            List<Message> parked = new CopyOnWriteArrayList<>();
            try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(queue.getScheme() + "://" + queue.getAuthority()))
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                Eventually.await("the second finalization was parked", () -> {
                    parked.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).messageAttributeNames("All").waitTimeSeconds(0)).messages());
                    return !parked.isEmpty();
                });
            }
            assertThat(parked).singleElement().satisfies(message -> {
                assertThat(message.messageAttributes().get("reason").stringValue())
                        .isEqualTo("detail.roundId: round round-up was finalized before, by event up-f1");
                assertThat(Json.readTree(message.body()).path("id").asText()).isEqualTo("up-f2");
            });
            assertThat(up.stop()).isZero();
        }
    }

    private HttpResponse<String> post(URI api, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(api.resolve("/v1/platform/events")).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI api, String token, String path) {
        try {
            return http.send(HttpRequest.newBuilder(api.resolve(path)).GET().header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
