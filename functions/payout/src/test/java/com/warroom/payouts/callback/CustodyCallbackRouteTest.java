package com.warroom.payouts.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.PayoutsStack;
import com.warroom.payouts.rail.CallbackSignature;
import com.warroom.payouts.rail.CustodyCredentials;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.payouts.rail.RsaPem;
import com.warroom.topology.Topology;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/webhooks/custody}: a signed callback queues its payout; anything else changes nothing. */
@ExtendWith(EmbeddedStackExtension.class)
class CustodyCallbackRouteTest {

    private static final KeyPair CUSTODIAN = RsaPem.generate();
    private static final KeyPair STRANGER = RsaPem.generate();
    private static PayoutsStack world;
    private static CustodyCallbackHandler handler;
    private static RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.parse("2026-12-01T10:00:00Z"));
        CustodyCredentials credentials = new CustodyCredentials(() -> "unused", () -> "unused",
                () -> RsaPem.pem((RSAPublicKey) CUSTODIAN.getPublic()));
        handler = new CustodyCallbackHandler(new CustodyRail(CustodyRail.httpClient(), URI.create("http://127.0.0.1:9"), credentials,
                CustodyRail.REQUEST_TIMEOUT), world.workQueue());
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void stop() {
        metrics.close();
    }

    @BeforeEach
    void emptyQueue() {
        world.work.purge();
    }

    private static String callback(String externalTxId, String status) {
        return "{\"type\":\"TRANSACTION_STATUS_UPDATED\",\"tenantId\":\"t-1\",\"timestamp\":1796031000412,\"data\":{\"id\":\"tx-77\","
                + "\"externalTxId\":\"" + externalTxId + "\",\"status\":\"" + status + "\",\"txHash\":\"0xabc\",\"assetId\":\"USDC\"}}";
    }

    private static APIGatewayV2HTTPResponse post(String body, Optional<String> signature) {
        HttpEvents event = HttpEvents.route("POST /v1/webhooks/custody").body(body);
        APIGatewayV2HTTPEvent built = signature.map(s -> HttpEvents.withHeader(event.build(), "Fireblocks-Signature", s)).orElse(event.build());
        return handler.handleRequest(built, LocalLambdaContext.of(Topology.CUSTODY_CALLBACK.name(), 512, 10));
    }

    private static String signed(KeyPair key, String body) {
        return CallbackSignature.sign((RSAPrivateKey) key.getPrivate(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> queued() {
        return world.work.drainBodies().stream().map(PayoutWork::payoutId).flatMap(Optional::stream).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P-77", "P-77~r2"})
    void callback_whenSigned_expectItsPayoutQueued(String externalTxId) {
        String body = callback(externalTxId, "COMPLETED");
        APIGatewayV2HTTPResponse response = post(body, Optional.of(signed(CUSTODIAN, body)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.readTree(response.getBody()).path("payoutId").asText()).isEqualTo("P-77");
        assertThat(queued()).containsExactly("P-77");
    }

    @Test
    void callback_whenUnsigned_expect401AndNothingQueued() {
        long before = metrics.count(ReceiveCallbackAction.REJECTED_METRIC);
        APIGatewayV2HTTPResponse response = post(callback("P-78", "COMPLETED"), Optional.empty());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(queued()).isEmpty();
        assertThat(metrics.count(ReceiveCallbackAction.REJECTED_METRIC)).isEqualTo(before + 1);
    }

    @Test
    void callback_whenSignedBySomeoneElse_expect401AndNothingQueued() {
        String body = callback("P-79", "COMPLETED");
        assertThat(post(body, Optional.of(signed(STRANGER, body))).getStatusCode()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    @Test
    void callback_whenBodyChangedAfterSigning_expect401AndNothingQueued() {
        String body = callback("P-80", "FAILED");
        String signature = signed(CUSTODIAN, body);
        assertThat(post(callback("P-80", "COMPLETED"), Optional.of(signature)).getStatusCode()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    @Test
    void callback_whenItNamesNoPayoutWarroomCouldHave_expect200AndNothingQueued() {
        String body = callback("not a payout id!", "COMPLETED");
        APIGatewayV2HTTPResponse response = post(body, Optional.of(signed(CUSTODIAN, body)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(queued()).isEmpty();
    }

    @Test
    void callback_whenOversize_expect413() {
        String body = callback("P-81", "COMPLETED").replace("\"assetId\":\"USDC\"", "\"note\":\"" + "x".repeat(70_000) + "\"");
        assertThat(post(body, Optional.of(signed(CUSTODIAN, body))).getStatusCode()).isEqualTo(413);
        assertThat(queued()).isEmpty();
    }
}
