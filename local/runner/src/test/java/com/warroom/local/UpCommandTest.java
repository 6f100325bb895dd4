package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code warroom up} from start to stop, twice on the same data folder, refusing a second one while it runs; with its
 * queue consumer fed and its schedule run through {@code ./warroom schedule run}.
 */
class UpCommandTest {

    private static final Map<String, String> ENV = Map.ofEntries(Map.entry("WARROOM_DATA", "data"), Map.entry("WARROOM_PORT", "0"),
            Map.entry("WARROOM_DYNAMODB_PORT", "0"), Map.entry("WARROOM_SQS_PORT", "0"), Map.entry("WARROOM_SFN_PORT", "0"),
            Map.entry("WARROOM_SNS_PORT", "0"), Map.entry("WARROOM_KMS_PORT", "0"), Map.entry("WARROOM_S3_PORT", "0"),
            Map.entry("WARROOM_SES_PORT", "0"), Map.entry("WARROOM_MIDTRANS_PORT", "0"), Map.entry("WARROOM_CUSTODY_PORT", "0"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Properties before;

    @TempDir
    Path workDir;

    // up points this JVM's settings at its own stack; other tests' stack must get them back
    @BeforeEach
    void keepSettings() {
        before = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSettings() {
        System.setProperties(before);
    }

    @Test
    void up_servesUntilStopped_refusesASecondUpOnItsFolder_andARestartKeepsTheDataAndTheKey() throws Exception {
        String token = CliRun.of(ENV, workDir, "token", "--role", "ops", "--sub", "alice").out().strip();

        try (RunningUp first = RunningUp.start(ENV, workDir)) {
            assertThat(first.out()).contains("Data: " + workDir.resolve("data"), "DynamoDB     http://127.0.0.1:",
                    "SQS          http://127.0.0.1:", "/000000000000/warroom-flag-changes",
                    "WARROOM_DATA=" + workDir.resolve("data") + " ./warroom token --role ops --sub alice",
                    // the work folder is outside the repository, so the first start loads the seed bundled in the functions
                    "Config       seeded v1 from the bundled config/seed-v1.json");
            assertThat(first.out()).contains("Consumer     ops-notices <- http://127.0.0.1:", "Schedule     approval-keeper rate(5 minutes) UTC, next ",
                    "WARROOM_DATA=" + workDir.resolve("data") + " ./warroom schedule run approval-keeper",
                    "Secrets      " + workDir.resolve("data/secrets"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir.resolve("data/secrets")))).isEqualTo("rwx------");
            URI api = first.apiUrl();
            assertThat(call(api, "GET", "/v1/health", null, null).statusCode()).isEqualTo(200);
            HttpResponse<String> set = call(api, "POST", "/v1/admin/system-flags/set", token,
                    "{\"flag\":\"feed.posting\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"Spam wave on the feed\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            // the applied change went to warroom-flag-changes, whose consumer (ops-notices) the runner's poller feeds
            try (SqsClient sqs = sqsFor(first.queueUrl())) {
                Eventually.await("the ops-notices poller drained warroom-flag-changes", () -> messagesIn(sqs, first.queueUrl()) == 0);
            }

            CliRun scheduled = CliRun.of(ENV, workDir, "schedule", "run", "approval-keeper");
            assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();
            assertThat(scheduled.out()).startsWith("Ran approval-keeper (run ");
            assertThat(CliRun.of(ENV, workDir, "schedule", "list").out())
                    .contains("As planned by the ./warroom up running on " + workDir.resolve("data"));

            CliRun second = CliRun.of(ENV, workDir, "up");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.errLines()).containsExactly("warroom: another warroom up is already using the data folder "
                    + workDir.resolve("data") + "; stop it, or set WARROOM_DATA to another folder");

            assertThat(first.stop()).isZero();
            assertThat(first.out()).contains("Stopped. The data stays in " + workDir.resolve("data"));
            assertThat(CliRun.of(ENV, workDir, "schedule", "run", "approval-keeper").errLines()).singleElement().asString()
                    .startsWith("warroom: no ./warroom up is running on " + workDir.resolve("data"));
        }

        try (RunningUp second = RunningUp.start(ENV, workDir)) {
            HttpResponse<String> flags = call(second.apiUrl(), "GET", "/v1/system-flags", token, null);

            assertThat(flags.statusCode()).as("a token minted before the restart").isEqualTo(200);
            assertThat(second.out()).as("a restart keeps the config it has").contains("Config       v1\n");
            HttpResponse<String> networks = call(second.apiUrl(), "GET", "/v1/config/networks", token, null);
            assertThat(networks.statusCode()).as(networks.body()).isEqualTo(200);
            assertThat(Json.readTree(networks.body()).get("version").asLong()).isEqualTo(1);
            JsonNode feed = StreamSupport.stream(Json.readTree(flags.body()).get("flags").spliterator(), false)
                    .filter(flag -> flag.get("flag").asText().equals("feed.posting")).findFirst().orElseThrow();
            assertThat(feed.get("global").get("enabled").asBoolean()).as("the flag set before the restart").isFalse();
            assertThat(second.stop()).isZero();
        }
    }

    private static SqsClient sqsFor(URI queue) {
        return SqsClient.builder().endpointOverride(URI.create(queue.getScheme() + "://" + queue.getAuthority()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static int messagesIn(SqsClient sqs, URI queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue.toString()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private HttpResponse<String> call(URI api, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
