package com.warroom.payouts.api;

import static com.warroom.payouts.api.PayoutApi.assertStatus;
import static com.warroom.payouts.api.PayoutApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.lambda.Priming;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.PayoutsStack;
import com.warroom.topology.Topology;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The events in events/payout-api, in the order the platform sends them, through the handler's production constructor. */
@ExtendWith(EmbeddedStackExtension.class)
class SampleEventsTest {

    private static PayoutsStack world;
    private static PayoutApiHandler handler;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new PayoutsStack(stack, Instant.now());
        world.fund(PayoutsStack.CHAIN, "USDC", "100");
        handler = new PayoutApiHandler();
    }

    private static APIGatewayV2HTTPResponse send(String file) {
        return handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/payout-api/" + file),
                LocalLambdaContext.of(Topology.PAYOUT_API.name(), 1024, 30));
    }

    @Test
    void sampleEvents_registerTheUser_requestAPayout_andReadBoth() {
        APIGatewayV2HTTPResponse registered = send("put-user.json");
        assertStatus(registered, 201);
        assertThat(json(registered).path("userId").asText()).isEqualTo("u-sample-1");

        APIGatewayV2HTTPResponse user = send("get-user.json");
        assertStatus(user, 200);
        assertThat(json(user).path("sealIntact").asBoolean()).isTrue();
        assertThat(json(user).path("activeReferralCount").asInt()).isEqualTo(2);

        APIGatewayV2HTTPResponse requested = send("request-payout.json");
        assertStatus(requested, 201);
        assertThat(json(requested).path("payoutId").asText()).isEqualTo("po-sample-1");
        assertThat(json(requested).path("kind").asText()).isEqualTo("REFERRAL_CLAIM");
        assertThat(json(requested).path("status").asText()).isEqualTo("REQUESTED");

        APIGatewayV2HTTPResponse payout = send("get-payout.json");
        assertStatus(payout, 200);
        assertThat(json(payout).path("sealIntact").asBoolean()).isTrue();
        assertThat(json(payout).path("ledgerEntries")).isEqualTo(Json.readTree("[\"payout-hold:po-sample-1:1\"]"));

        APIGatewayV2HTTPResponse again = send("request-payout.json");
        assertStatus(again, 201);
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");
    }

    @Test
    void prime_beforeTheSnapshot_answersEveryRoute_andWritesNothing() {
        long auditSeq = new PayoutApi(world).auditHead().map(com.warroom.audit.AuditEntry::seq).orElse(0L);

        Priming.primeRegistered();

        assertThat(world.users.find("warroom-priming")).isEmpty();
        assertThat(world.payouts.find("warroom-priming")).isEmpty();
        assertThat(new PayoutApi(world).auditHead().map(com.warroom.audit.AuditEntry::seq).orElse(0L)).isEqualTo(auditSeq);
    }
}
