package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.topology.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLO report on a laptop: requests made through {@code ./warroom up}'s gateway (a 5xx, a 4xx, and good ones) are
 * recorded per route, and {@code POST /v1/slo/reports} reports them.
 */
class SloReportUpTest {

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
    void runReport_afterRequestsThroughTheGateway_reportsTheirAvailabilityPerRouteGroup() throws Exception {
        String ops = CliRun.of(ENV, workDir, "token", "--role", "ops", "--sub", "olga").out().strip();
        String finance = CliRun.of(ENV, workDir, "token", "--role", "finance", "--sub", "fiona").out().strip();

        try (RunningUp up = RunningUp.start(ENV, workDir, StandInTopology.withHandler(Topology.HEALTH, FailingHealth.class.getName()))) {
            URI api = up.apiUrl();
            assertThat(http.send(report(api, "GET", "/v1/slo/reports/latest", ops), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("no report yet").isEqualTo(404);
            // the admin group: three audit reads, a 5xx from the broken health function, a 401 without a token
            for (int i = 0; i < 3; i++) {
                assertThat(send(api, "GET", "/v1/admin/audit", ops).statusCode()).isEqualTo(200);
            }
            assertThat(send(api, "GET", "/v1/health", null).statusCode()).isEqualTo(500);
            assertThat(send(api, "GET", "/v1/admin/alarms", null).statusCode()).isEqualTo(401);
            // the payouts group: a 404 is the caller's miss, not an outage
            assertThat(send(api, "GET", "/v1/payouts/po-missing", finance).statusCode()).isEqualTo(404);

            HttpResponse<String> created = http.send(report(api, "POST", "/v1/slo/reports", ops), HttpResponse.BodyHandlers.ofString());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode report = Json.readTree(created.body());
            JsonNode admin = sli(report, "api-availability-admin");
            assertThat(admin.path("good").asLong()).isEqualTo(4);
            assertThat(admin.path("total").asLong()).isEqualTo(5);
            assertThat(admin.path("actual").asText()).isEqualTo("0.800000");
            assertThat(admin.path("errorBudgetRemaining").asText()).isEqualTo("-39.000000");
            assertThat(admin.path("status").asText()).isEqualTo("BREACHED");
            assertThat(sli(report, "api-latency-admin").path("total").asLong()).isEqualTo(5);
            JsonNode payouts = sli(report, "api-availability-payouts");
            assertThat(payouts.path("good").asLong()).isEqualTo(1);
            assertThat(payouts.path("total").asLong()).isEqualTo(1);
            assertThat(payouts.path("status").asText()).isEqualTo("MET");
            assertThat(sli(report, "api-availability-incidents").path("status").asText()).as("the earlier 404 of latest is a miss, not an outage")
                    .isEqualTo("MET");

            HttpResponse<String> latest = http.send(report(api, "GET", "/v1/slo/reports/latest", finance), HttpResponse.BodyHandlers.ofString());
            assertThat(latest.statusCode()).isEqualTo(200);
            assertThat(Json.readTree(latest.body()).path("reportId").asText()).isEqualTo(report.path("reportId").asText());
            assertThat(up.stop()).isZero();
        }
    }

    private HttpResponse<String> send(URI api, String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest report(URI api, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token);
        return method.equals("GET") ? request.GET().build()
                : request.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString()).build();
    }

    private static JsonNode sli(JsonNode report, String id) {
        for (JsonNode sli : report.path("slis")) {
            if (sli.path("id").asText().equals(id)) {
                return sli;
            }
        }
        throw new AssertionError("no SLI " + id + " in " + report);
    }
}
