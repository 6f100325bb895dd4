package com.warroom.payments.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.warroom.payments.MidtransAnswers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production Midtrans client against WireMock serving Midtrans's documented get-status answers. */
class MidtransClientTest {

    private static final String KEY = "SB-Mid-server-test-key";
    private static final String ORDER = "O-client-1";
    private static WireMockServer midtrans;
    private static MidtransClient client;

    @BeforeAll
    static void start() {
        midtrans = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        midtrans.start();
        // a base URL with a trailing slash, as people paste it
        client = new MidtransClient(MidtransClient.httpClient(), URI.create(midtrans.baseUrl() + "/"), () -> KEY, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        midtrans.stop();
    }

    @BeforeEach
    void reset() {
        midtrans.resetAll();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        midtrans.stubFor(get(urlEqualTo("/v2/" + ORDER + "/status")).willReturn(response));
    }

    private static void answerJson(int status, String body) {
        answer(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));
    }

    private static MidtransTransaction found() {
        return ((MidtransAnswer.Found) client.status(ORDER)).transaction();
    }

    @Test
    void status_callsGetStatusWithBasicAuthOfTheServerKey() {
        answerJson(200, MidtransAnswers.settlement(ORDER, "150000.00"));

        client.status(ORDER);

        String basic = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        midtrans.verify(1, getRequestedFor(urlEqualTo("/v2/" + ORDER + "/status"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void status_settlement() {
        answerJson(200, MidtransAnswers.settlement(ORDER, "150000.00"));

        MidtransTransaction tx = found();

        assertThat(tx.transactionStatus()).isEqualTo("settlement");
        assertThat(tx.statusCode()).isEqualTo("200");
        assertThat(tx.fraudStatus()).contains("accept");
        assertThat(tx.grossAmount()).contains("150000.00");
        assertThat(tx.currency()).contains("IDR");
        assertThat(tx.transactionId()).contains("tx-" + ORDER);
        assertThat(tx.summary()).containsEntry("transactionStatus", "settlement").containsEntry("grossAmount", "150000.00");
    }

    @Test
    void status_captureAcceptAndChallenge() {
        answerJson(200, MidtransAnswers.capture(ORDER, "150000.00", "accept"));
        assertThat(found()).satisfies(tx -> {
            assertThat(tx.transactionStatus()).isEqualTo("capture");
            assertThat(tx.fraudStatus()).contains("accept");
            assertThat(tx.statusCode()).isEqualTo("200");
        });

        answerJson(200, MidtransAnswers.capture(ORDER, "150000.00", "challenge"));
        assertThat(found()).satisfies(tx -> {
            assertThat(tx.fraudStatus()).contains("challenge");
            assertThat(tx.statusCode()).isEqualTo("201");
        });
    }

    @Test
    void status_pendingExpireDenyCancel() {
        answerJson(200, MidtransAnswers.pending(ORDER, "150000.00"));
        assertThat(found().transactionStatus()).isEqualTo("pending");
        answerJson(200, MidtransAnswers.expire(ORDER, "150000.00"));
        assertThat(found().statusCode()).isEqualTo("407");
        answerJson(200, MidtransAnswers.deny(ORDER, "150000.00"));
        assertThat(found().transactionStatus()).isEqualTo("deny");
        answerJson(200, MidtransAnswers.cancel(ORDER, "150000.00"));
        assertThat(found().transactionStatus()).isEqualTo("cancel");
    }

    @Test
    void status_refundAndPartialRefund_readTheAmounts() {
        answerJson(200, MidtransAnswers.refund(ORDER, "150000.00", "partial_refund", "50000.00"));
        assertThat(found()).satisfies(tx -> {
            assertThat(tx.transactionStatus()).isEqualTo("partial_refund");
            assertThat(tx.refundAmount()).contains("50000.00");
            assertThat(tx.refundAmounts()).containsExactly("50000.00");
        });

        answerJson(200, MidtransAnswers.refund(ORDER, "150000.00", "refund", "50000.00", "100000.00"));
        assertThat(found()).satisfies(tx -> {
            assertThat(tx.refundAmount()).contains("150000.00");
            assertThat(tx.refundAmounts()).containsExactly("50000.00", "100000.00");
        });
    }

    @Test
    void status_notFound_asHttp404_orAsStatusCodeInA200() {
        answerJson(404, MidtransAnswers.notFound());
        assertThat(client.status(ORDER)).isInstanceOf(MidtransAnswer.NotFound.class);

        answerJson(200, MidtransAnswers.notFound());
        assertThat(client.status(ORDER)).isInstanceOf(MidtransAnswer.NotFound.class);

        answer(aResponse().withStatus(404));
        assertThat(client.status(ORDER)).isInstanceOf(MidtransAnswer.NotFound.class);
    }

    @Test
    void status_whenTheServerKeyIsRefused_isUnavailable_namingTheSecret() {
        answerJson(401, MidtransAnswers.unauthorized());
        assertThatThrownBy(() -> client.status(ORDER)).isInstanceOf(MidtransUnavailable.class)
                .hasMessageContaining("midtrans-server-key").hasMessageNotContaining(KEY);

        answerJson(200, MidtransAnswers.unauthorized());
        assertThatThrownBy(() -> client.status(ORDER)).isInstanceOf(MidtransUnavailable.class).hasMessageContaining("401");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 400})
    void status_whenMidtransAnswersAnError_isUnavailable(int status) {
        answerJson(status, MidtransAnswers.serverError());

        assertThatThrownBy(() -> client.status(ORDER)).isInstanceOf(MidtransUnavailable.class).hasMessageContaining(Integer.toString(status));
    }

    @Test
    void status_whenA200CarriesAServerError_isUnavailable() {
        answerJson(200, MidtransAnswers.serverError());

        assertThatThrownBy(() -> client.status(ORDER)).isInstanceOf(MidtransUnavailable.class).hasMessageContaining("500");
    }

    @Test
    void status_whenMidtransIsSlowerThanTheTimeout_isUnavailable() {
        answer(aResponse().withStatus(200).withFixedDelay(3_000).withBody(MidtransAnswers.settlement(ORDER, "150000.00")));
        var impatient = new MidtransClient(MidtransClient.httpClient(), URI.create(midtrans.baseUrl()), () -> KEY, Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.status(ORDER)).isInstanceOf(MidtransUnavailable.class).hasMessageContaining("timed out");
    }

    @Test
    void status_whenTheConnectionBreaks_isUnavailable() {
        for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.MALFORMED_RESPONSE_CHUNK)) {
            answer(aResponse().withFault(fault));
            assertThatThrownBy(() -> client.status(ORDER)).as(fault.name()).isInstanceOf(MidtransUnavailable.class);
        }
    }

    @Test
    void status_whenNothingListens_isUnavailable() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        var nowhere = new MidtransClient(MidtransClient.httpClient(), URI.create("http://127.0.0.1:" + closed), () -> KEY, Duration.ofSeconds(1));

        assertThatThrownBy(() -> nowhere.status(ORDER)).isInstanceOf(MidtransUnavailable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>502 Bad Gateway</body></html>", "", "[]", "\"settlement\"", "{\"status_code\":\"200\"}",
            "{\"transaction_status\":"})
    void status_whenTheBodyIsGarbage_isUnavailable(String body) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(body));

        assertThatThrownBy(() -> client.status(ORDER)).isInstanceOf(MidtransUnavailable.class);
    }

    @Test
    void status_whenMidtransWritesAmountsAsNumbers_readsTheirValue() {
        answerJson(200, "{\"status_code\":\"200\",\"transaction_status\":\"settlement\",\"gross_amount\":150000.00,\"order_id\":\"" + ORDER + "\"}");

        assertThat(found().grossAmount()).isEqualTo(Optional.of("150000"));
    }

    @Test
    void status_whenTheAnswerIsAnotherOrders_isUnavailable() {
        answerJson(200, MidtransAnswers.settlement("O-someone-else", "150000.00"));

        assertThatThrownBy(() -> client.status(ORDER)).isInstanceOf(MidtransUnavailable.class).hasMessageContaining("O-someone-else");
    }

    @Test
    void status_underABasePath_keepsIt() {
        midtrans.stubFor(get(urlEqualTo("/midtrans/v2/" + ORDER + "/status"))
                .willReturn(aResponse().withStatus(200).withBody(MidtransAnswers.pending(ORDER, "1.00"))));
        var prefixed = new MidtransClient(MidtransClient.httpClient(), URI.create(midtrans.baseUrl() + "/midtrans"), () -> KEY, Duration.ofSeconds(1));

        assertThat(prefixed.status(ORDER)).isInstanceOf(MidtransAnswer.Found.class);
    }
}
