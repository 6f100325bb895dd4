package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.midtrans.SimulatedTransaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./warroom midtrans pay} against an {@code up} running in this JVM: the signed notification reaches the webhook
 * route, whose function checks the signature with the local key and asks the simulator for the status; the amount comes
 * from the registered order; the transactions outlive a restart.
 */
class MidtransPayCommandTest {

    private static final Map<String, String> ENV = Map.ofEntries(Map.entry("WARROOM_DATA", "data"), Map.entry("WARROOM_PORT", "0"),
            Map.entry("WARROOM_DYNAMODB_PORT", "0"), Map.entry("WARROOM_SQS_PORT", "0"), Map.entry("WARROOM_SFN_PORT", "0"),
            Map.entry("WARROOM_SNS_PORT", "0"), Map.entry("WARROOM_KMS_PORT", "0"), Map.entry("WARROOM_S3_PORT", "0"),
            Map.entry("WARROOM_SES_PORT", "0"), Map.entry("WARROOM_MIDTRANS_PORT", "0"), Map.entry("WARROOM_CUSTODY_PORT", "0"));
    private static final Pattern MIDTRANS = Pattern.compile("Midtrans\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern DYNAMODB = Pattern.compile("DynamoDB\\s+(http://127\\.0\\.0\\.1:\\d+)");

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
    void pay_deliversASignedNotificationThatGetStatusConfirms_takesTheOrdersAmount_andARestartKeepsTheTransactions() throws Exception {
        Path data = workDir.resolve("data");
        URI simulator;
        try (RunningUp up = RunningUp.start(ENV, workDir, StandInTopology.withStandInWebhook())) {
            simulator = url(MIDTRANS, up.out());
            assertThat(up.out()).contains(
                    "  Midtrans     " + simulator + "   the local simulator (WARROOM_MIDTRANS_BASE_URL); transactions in " + data.resolve("midtrans")
                            + "/   WARROOM_DATA=" + data + " ./warroom midtrans pay --order O1",
                    "  Whatsapp     off   (set WARROOM_WHATSAPP_BASE_URL to turn it on)",
                    "  Midtrans key SB-Mid-server-warroom-local-only written to " + data.resolve("secrets/midtrans-server-key"),
                    "mail from warroom@localhost kept in " + data.resolve("mail") + "/ (a JSON file per message)");
            assertThat(up.out()).containsPattern("  SES          http://127\\.0\\.0\\.1:\\d+   mail from");
            Path keyFile = data.resolve("secrets/midtrans-server-key");
            assertThat(Files.readString(keyFile)).isEqualTo("SB-Mid-server-warroom-local-only\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

            CliRun paid = CliRun.of(ENV, workDir, "midtrans", "pay", "--order", "O-1", "--amount", "150000.00");

            assertThat(paid.exitCode()).as(paid.err()).isZero();
            JsonNode notification = printedNotification(paid.out());
            assertThat(notification.path("order_id").asText()).isEqualTo("O-1");
            assertThat(notification.path("transaction_status").asText()).isEqualTo("settlement");
            assertThat(notification.path("status_code").asText()).isEqualTo("200");
            assertThat(notification.path("gross_amount").asText()).isEqualTo("150000.00");
            assertThat(notification.path("fraud_status").asText()).isEqualTo("accept");
            assertThat(notification.path("status_message").asText()).isEqualTo("midtrans payment notification");
            assertThat(notification.path("signature_key").asText()).isEqualTo(SimulatedTransaction.signature("O-1", "200", "150000.00",
                    "SB-Mid-server-warroom-local-only"));
            JsonNode answer = printedAnswer(paid.out(), 200);
            assertThat(answer.path("signature").asText()).isEqualTo("valid");
            assertThat(answer.path("getStatus").path("httpStatus").asInt()).isEqualTo(200);
            assertThat(answer.path("getStatus").path("body").path("transaction_status").asText()).isEqualTo("settlement");
            assertThat(answer.path("getStatus").path("body").path("transaction_id").asText()).isEqualTo(notification.path("transaction_id").asText());

            CliRun unknown = CliRun.of(ENV, workDir, "midtrans", "pay", "--order", "O-2");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.errLines()).singleElement().asString().startsWith(
                    "warroom: no order O-2 is registered (table warroom-orders), so there is no amount to pay; register it (POST /v1/orders) or give --amount");

            registerOrder(url(DYNAMODB, up.out()), "O-3", 15_000_000L);
            CliRun pending = CliRun.of(ENV, workDir, "midtrans", "pay", "--order", "O-3", "--status", "pending");
            assertThat(pending.exitCode()).as(pending.err()).isZero();
            assertThat(printedNotification(pending.out()).path("gross_amount").asText()).as("the order's amount").isEqualTo("150000.00");
            assertThat(printedNotification(pending.out()).path("status_code").asText()).isEqualTo("201");
            assertThat(printedNotification(pending.out()).path("va_numbers").path(0).path("bank").asText()).isEqualTo("bca");
            assertThat(printedAnswer(pending.out(), 200).path("getStatus").path("body").path("transaction_status").asText()).isEqualTo("pending");

            CliRun badStatus = CliRun.of(ENV, workDir, "midtrans", "pay", "--order", "O-1", "--status", "paid");
            assertThat(badStatus.exitCode()).isEqualTo(1);
            assertThat(badStatus.errLines()).containsExactly(
                    "warroom: --status must be one of settlement|capture|pending|expire|cancel|deny|refund, not 'paid'");
            CliRun badAmount = CliRun.of(ENV, workDir, "midtrans", "pay", "--order", "O-1", "--amount", "1.001");
            assertThat(badAmount.errLines()).containsExactly("warroom: --amount 1.001 has more decimals than IDR allows (2)");

            assertThat(status(simulator, "O-1", null).statusCode()).isEqualTo(401);
            assertThat(status(simulator, "O-1", "SB-Mid-server-another").statusCode()).isEqualTo(401);
            HttpResponse<String> missing = status(simulator, "O-404", "SB-Mid-server-warroom-local-only");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(Json.readTree(missing.body())).isEqualTo(Json.readTree("{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\"}"));
            assertThat(up.stop()).isZero();
        }

        assertThat(CliRun.of(ENV, workDir, "midtrans", "pay", "--order", "O-1", "--amount", "1.00").errLines()).singleElement().asString()
                .startsWith("warroom: no ./warroom up is running on " + data);

        try (RunningUp again = RunningUp.start(ENV, workDir, StandInTopology.withStandInWebhook())) {
            assertThat(again.out()).as("the key file is there now").doesNotContain("Midtrans key");
            HttpResponse<String> kept = status(url(MIDTRANS, again.out()), "O-1", "SB-Mid-server-warroom-local-only");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(Json.readTree(kept.body()).path("transaction_status").asText()).isEqualTo("settlement");
            assertThat(again.stop()).isZero();
        }
    }

    private HttpResponse<String> status(URI simulator, String orderId, String serverKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.resolve("/v2/" + orderId + "/status")).header("Accept", "application/json");
        if (serverKey != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(Pattern line, String banner) {
        Matcher matcher = line.matcher(banner);
        if (!matcher.find()) {
            throw new AssertionError("no " + line + " in: " + banner);
        }
        return URI.create(matcher.group(1));
    }

    // the JSON between the first line and "The webhook answered HTTP ..."
    private static JsonNode printedNotification(String out) {
        int start = out.indexOf('\n') + 1;
        int end = out.indexOf("The webhook answered HTTP");
        return Json.readTree(out.substring(start, end));
    }

    private static JsonNode printedAnswer(String out, int status) {
        String marker = "The webhook answered HTTP " + status + ":\n";
        assertThat(out).contains(marker);
        return Json.readTree(out.substring(out.indexOf(marker) + marker.length()).strip());
    }

    // as the orders route stores what it expects: the amount in minor units and the currency
    private static void registerOrder(URI dynamo, String orderId, long minor) {
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("orderId", AttributeValue.fromS(orderId));
            item.put("amountMinor", AttributeValue.fromN(Long.toString(minor)));
            item.put("currency", AttributeValue.fromS("IDR"));
            item.put("status", AttributeValue.fromS("PENDING"));
            item.put("createdAt", AttributeValue.fromS("2026-12-01T00:00:00Z"));
            client.putItem(b -> b.tableName("warroom-orders").item(item));
        }
    }
}
