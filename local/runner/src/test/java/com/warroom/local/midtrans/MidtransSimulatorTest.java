package com.warroom.local.midtrans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's get-status, as Midtrans documents it, and what it keeps on disk. */
class MidtransSimulatorTest {

    private static final String KEY = "SB-Mid-server-test-key";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:04:05Z"), ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void getStatus_ofASettledBankTransfer_answersMidtransFields_signedWithTheStatusCode() throws Exception {
        try (MidtransSimulator simulator = MidtransSimulator.start(0, Optional.empty(), () -> KEY, CLOCK)) {
            SimulatedTransaction recorded = simulator.record("O-1", PaymentStatus.SETTLEMENT, PaymentStatus.FraudStatus.ACCEPT, "150000.00", "IDR");

            HttpResponse<String> answer = get(simulator.endpoint(), "/v2/O-1/status", KEY);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = Json.readTree(answer.body());
            assertThat(body.path("status_code").asText()).isEqualTo("200");
            assertThat(body.path("status_message").asText()).isEqualTo("Success, transaction is found");
            assertThat(body.path("transaction_status").asText()).isEqualTo("settlement");
            assertThat(body.path("transaction_id").asText()).isEqualTo(recorded.transactionId());
            assertThat(body.path("order_id").asText()).isEqualTo("O-1");
            assertThat(body.path("gross_amount").asText()).isEqualTo("150000.00");
            assertThat(body.path("currency").asText()).isEqualTo("IDR");
            assertThat(body.path("payment_type").asText()).isEqualTo("bank_transfer");
            assertThat(body.path("fraud_status").asText()).isEqualTo("accept");
            assertThat(body.path("transaction_time").asText()).isEqualTo("2026-12-01 10:04:05");
            assertThat(body.path("settlement_time").asText()).isEqualTo("2026-12-01 10:04:05");
            assertThat(body.path("va_numbers").path(0).path("bank").asText()).isEqualTo("bca");
            assertThat(body.path("signature_key").asText()).isEqualTo(SimulatedTransaction.signature("O-1", "200", "150000.00", KEY));
            assertThat(get(simulator.endpoint(), "/v2/" + recorded.transactionId() + "/status", KEY).body())
                    .as("by transaction_id too").isEqualTo(answer.body());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "settlement, accept, 200, 200, bank_transfer",
        "capture, accept, 200, 200, credit_card",
        "capture, challenge, 201, 201, credit_card",
        "pending, accept, 201, 201, bank_transfer",
        "expire, accept, 202, 407, bank_transfer",
        "cancel, accept, 200, 200, bank_transfer",
        "deny, deny, 202, 202, credit_card",
        "refund, accept, 200, 200, credit_card"
    })
    void eachStatus_carriesMidtransStatusCodes(String status, String fraud, String notificationCode, String statusApiCode, String paymentType) {
        SimulatedTransaction transaction = new SimulatedTransaction("O-9", "tx-9", PaymentStatus.fromWire(status).orElseThrow().defaultPaymentType(),
                PaymentStatus.fromWire(status).orElseThrow(), PaymentStatus.FraudStatus.fromWire(fraud).orElseThrow(), "10000.00", "IDR",
                "2026-12-01 10:00:00", Optional.empty(), "2026-12-02 10:00:00", "12345000001");

        assertThat(transaction.notification(KEY)).containsEntry("status_code", notificationCode).containsEntry("payment_type", paymentType)
                .containsEntry("status_message", "midtrans payment notification")
                .containsEntry("signature_key", SimulatedTransaction.signature("O-9", notificationCode, "10000.00", KEY));
        assertThat(transaction.statusAnswer(KEY)).containsEntry("status_code", statusApiCode);
        if (status.equals("refund")) {
            assertThat(transaction.notification(KEY)).containsEntry("refund_amount", "10000.00").containsKey("refunds");
        }
    }

    @Test
    void getStatus_withoutTheServerKey_is401_andAnUnknownTransaction404() throws Exception {
        AtomicReference<String> key = new AtomicReference<>(KEY);
        try (MidtransSimulator simulator = MidtransSimulator.start(0, Optional.empty(), key::get, CLOCK)) {
            simulator.record("O-1", PaymentStatus.PENDING, PaymentStatus.FraudStatus.ACCEPT, "150000.00", "IDR");

            assertThat(get(simulator.endpoint(), "/v2/O-1/status", null).statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = get(simulator.endpoint(), "/v2/O-1/status", "SB-Mid-server-other");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(Json.readTree(wrong.body()).path("status_code").asText()).isEqualTo("401");
            HttpResponse<String> unknown = get(simulator.endpoint(), "/v2/O-404/status", KEY);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\"}");
            key.set("SB-Mid-server-rotated");
            assertThat(get(simulator.endpoint(), "/v2/O-1/status", KEY).statusCode()).as("the key is read at each request").isEqualTo(401);
            assertThat(get(simulator.endpoint(), "/v2/O-1/status", "SB-Mid-server-rotated").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void transactions_surviveARestart_inOwnerOnlyFiles_andAStatusChangeKeepsTheTransaction() throws Exception {
        String transactionId;
        try (MidtransSimulator first = MidtransSimulator.start(0, Optional.of(dir), () -> KEY, CLOCK)) {
            transactionId = first.record("O-7", PaymentStatus.PENDING, PaymentStatus.FraudStatus.ACCEPT, "99000.00", "IDR").transactionId();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("O-7.json")))).isEqualTo("rw-------");

        try (MidtransSimulator second = MidtransSimulator.start(0, Optional.of(dir), () -> KEY, CLOCK)) {
            JsonNode kept = Json.readTree(get(second.endpoint(), "/v2/O-7/status", KEY).body());
            assertThat(kept.path("transaction_status").asText()).isEqualTo("pending");
            assertThat(kept.path("transaction_id").asText()).isEqualTo(transactionId);

            SimulatedTransaction settled = second.record("O-7", PaymentStatus.SETTLEMENT, PaymentStatus.FraudStatus.ACCEPT, "99000.00", "IDR");
            assertThat(settled.transactionId()).isEqualTo(transactionId);
            assertThat(settled.paymentType()).isEqualTo("bank_transfer");
        }
        try (MidtransSimulator third = MidtransSimulator.start(0, Optional.of(dir), () -> KEY, CLOCK)) {
            assertThat(third.transaction("O-7").orElseThrow().status()).isEqualTo(PaymentStatus.SETTLEMENT);
        }
    }

    private HttpResponse<String> get(URI base, String path, String serverKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        if (serverKey != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
