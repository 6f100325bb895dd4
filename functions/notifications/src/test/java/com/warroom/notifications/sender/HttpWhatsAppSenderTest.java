package com.warroom.notifications.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.notifications.OutboxFixtures;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.OutboxStatus;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP WhatsApp provider against WireMock serving the WhatsApp Cloud API's documented answers. */
@ExtendWith(EmbeddedStackExtension.class)
class HttpWhatsAppSenderTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";
    private static final String TOKEN = "EAAG-test-token";

    private static WireMockServer provider;
    private static OutboxFixtures fixtures;
    private WhatsAppSender whatsApp;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
        fixtures = new OutboxFixtures(stack);
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @BeforeEach
    void reset() {
        provider.resetAll();
        whatsApp = new HttpWhatsAppSender(HttpWhatsAppSender.defaultClient(),
                URI.create(provider.baseUrl() + "/v21.0/" + PHONE_NUMBER_ID), () -> TOKEN);
    }

    private void answer(int status, String body) {
        provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void send_whenTheProviderTakesIt_postsTheCloudApiTextMessageWithTheBearerToken() {
        answer(200, """
                {"messaging_product":"whatsapp","contacts":[{"input":"6281234567890","wa_id":"6281234567890"}],
                 "messages":[{"id":"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjdGMTI3QjE2QTk3NUE4QjM1MgA="}]}""");

        SendResult result = whatsApp.send("+6281234567890", "Payment received: order O-1\n\nWe received your payment.");

        assertThat(result).isEqualTo(new SendResult.Delivered("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjdGMTI3QjE2QTk3NUE4QjM1MgA="));
        provider.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"text",
                         "text":{"preview_url":false,"body":"Payment received: order O-1\\n\\nWe received your payment."}}""")));
    }

    @Test
    void send_whenRateLimitedOrDown_isWorthAnotherTry() {
        answer(429, """
                {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""");
        assertThat(whatsApp.send("+6281234567890", "hi"))
                .isEqualTo(SendResult.Failed.transientError("WhatsApp provider answered HTTP 429: (#130429) Rate limit hit"));

        answer(503, "Service Unavailable");
        assertThat(whatsApp.send("+6281234567890", "hi"))
                .isEqualTo(SendResult.Failed.transientError("WhatsApp provider answered HTTP 503: Service Unavailable"));

        provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(whatsApp.send("+6281234567890", "hi")).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.permanent()).isFalse());
    }

    @Test
    void send_whenTheRequestIsRefused_isNotWorthAnotherTry() {
        answer(400, """
                {"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030,
                 "error_data":{"messaging_product":"whatsapp","details":"Recipient phone number not in allowed list"},"fbtrace_id":"A8k"}}""");

        assertThat(whatsApp.send("+6281234567890", "hi")).isEqualTo(SendResult.Failed.permanentError(
                "WhatsApp provider answered HTTP 400: (#131030) Recipient phone number not in allowed list"));
    }

    @Test
    void send_whenTheTokenCannotBeRead_failsForNowWithoutCallingTheProvider() {
        WhatsAppSender noToken = new HttpWhatsAppSender(HttpWhatsAppSender.defaultClient(), URI.create(provider.baseUrl()),
                () -> {
                    throw new IllegalStateException("secret whatsapp-api-token has no value");
                });

        assertThat(noToken.send("+6281234567890", "hi")).isEqualTo(SendResult.Failed.transientError(
                "the WhatsApp token could not be read: secret whatsapp-api-token has no value"));
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void deliver_whenTheOrderGaveOnlyAPhone_sendsItByWhatsApp() {
        answer(200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.ABC\"}]}");
        String order = OutboxFixtures.orderId();
        String id = fixtures.create(new Notification(NotificationKind.PAYMENT_SUCCESS, order, "u-" + order, Optional.empty(),
                Optional.of("+6281234567890"), OutboxFixtures.FACTS));

        DeliveryOutcome outcome = SenderFixture.sender(fixtures, Clock.systemUTC(), Optional.of(whatsApp))
                .deliver(SenderFixture.message(id), 1);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent(id, "wamid.ABC"));
        assertThat(fixtures.stored(id).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(fixtures.stored(id).delivery().channel().wireName()).isEqualTo("whatsapp");
        provider.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.text.body", com.github.tomakehurst.wiremock.client.WireMock.containing(order))));
    }
}
