package com.warroom.reconcile.check;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The day's PAID orders against Midtrans's get-status, served by WireMock with Midtrans's documented answers. */
@ExtendWith(EmbeddedStackExtension.class)
class PspStatusTest {

    private static final String SERVER_KEY = "SB-Mid-server-reconcile-test";
    private static WireMockServer midtrans;

    private CheckWorld world;
    private Check check;

    @BeforeAll
    static void startMidtrans() {
        midtrans = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        midtrans.start();
    }

    @AfterAll
    static void stopMidtrans() {
        midtrans.stop();
    }

    @BeforeEach
    void world(EmbeddedStack stack) {
        midtrans.resetAll();
        world = new CheckWorld(stack);
        check = new PspStatus(world.dynamo, Topology.ORDERS.localName(), new MidtransClient(MidtransClient.httpClient(),
                URI.create(midtrans.baseUrl()), () -> SERVER_KEY, Duration.ofSeconds(2)));
        // paid yesterday: not this run's day, never asked
        world.paidOrder("O-yesterday", "u-1", "course:rust", "150000.00");
        world.clock.advance(Duration.ofDays(1));
        world.paidOrder("O-1", "u-1", "course:go", "150000.00");
        world.paidOrder("O-2", "u-2", "course:go", "250000.00");
        answer("O-1", 200, transaction("O-1", "150000.00", "settlement", "200", "bank_transfer", "accept"));
        answer("O-2", 200, transaction("O-2", "250000.00", "capture", "200", "credit_card", "accept"));
    }

    @Test
    void compare_whenMidtransSettledOrCapturedEveryPaidOrderOfTheDay_findsNothing() {
        assertThat(world.run(check)).isEmpty();
        midtrans.verify(getRequestedFor(urlEqualTo("/v2/O-1/status"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes()))));
        midtrans.verify(0, getRequestedFor(urlEqualTo("/v2/O-yesterday/status")));
    }

    @Test
    void compare_whenMidtransDoesNotHoldThePayment_findsEachOrderHigh() {
        world.paidOrder("O-3", "u-3", "course:go", "150000.00");
        world.paidOrder("O-4", "u-4", "course:go", "150000.00");
        world.paidOrder("O-5", "u-5", "course:go", "150000.00");
        answer("O-3", 200, transaction("O-3", "150000.00", "expire", "407", "bank_transfer", "accept"));
        answer("O-4", 404, "{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\"}");
        answer("O-5", 200, transaction("O-5", "15000.00", "settlement", "200", "bank_transfer", "accept"));

        assertThat(world.run(check)).satisfiesExactlyInAnyOrder(expired -> {
            assertThat(expired.subject()).isEqualTo("O-3");
            assertThat(expired.actual()).isEqualTo("Midtrans expire (fraud accept) 150000.00 IDR");
            assertThat(expired.risk()).isEqualTo(Risk.HIGH);
            assertThat(expired.runbook()).isEqualTo("#reconcile-psp-status");
        }, missing -> {
            assertThat(missing.subject()).isEqualTo("O-4");
            assertThat(missing.actual()).isEqualTo("Midtrans has no transaction for it");
            assertThat(missing.risk()).isEqualTo(Risk.HIGH);
        }, otherAmount -> {
            assertThat(otherAmount.subject()).isEqualTo("O-5");
            assertThat(otherAmount.difference()).isEqualTo("another amount");
            assertThat(otherAmount.risk()).isEqualTo(Risk.HIGH);
        });
    }

    @Test
    void compare_whenMidtransCannotBeAsked_findsOneLowRetry() {
        answer("O-1", 503, "{\"status_code\":\"500\",\"status_message\":\"Sorry, we encountered internal server error.\"}");

        assertThat(world.run(check)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("midtrans get-status");
            assertThat(f.risk()).isEqualTo(Risk.LOW);
            assertThat(f.action()).isEqualTo(Action.RETRY);
        });
    }

    private static void answer(String orderId, int status, String body) {
        midtrans.stubFor(get(urlEqualTo("/v2/" + orderId + "/status"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** A get-status answer as Midtrans documents it ("GET Status API Requests"). */
    private static String transaction(String orderId, String gross, String status, String statusCode, String paymentType, String fraud) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status_code", statusCode);
        a.put("status_message", "Success, transaction is found");
        a.put("transaction_id", "b3f8d0f2-" + orderId.toLowerCase());
        a.put("order_id", orderId);
        a.put("gross_amount", gross);
        a.put("currency", "IDR");
        a.put("payment_type", paymentType);
        a.put("transaction_time", "2026-12-01 10:25:12");
        a.put("transaction_status", status);
        a.put("fraud_status", fraud);
        a.put("merchant_id", "G141532850");
        return Json.write(a);
    }
}
