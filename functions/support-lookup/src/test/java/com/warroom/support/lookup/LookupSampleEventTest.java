package com.warroom.support.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.OrderStatus;
import com.warroom.payouts.Wallet;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * events/support-lookup through the handler's production constructor (table names from the embedded stack's settings).
 */
@ExtendWith(EmbeddedStackExtension.class)
class LookupSampleEventTest {

    @Test
    void sampleEvent_lookupByOrder_answersTheCardMaskedForSupport(EmbeddedStack stack) {
        LookupWorld world = new LookupWorld(stack);
        String userId = LookupWorld.fresh("u");
        world.user(userId, new Wallet("evm:1", LookupWorld.evmAddress()));
        world.order("ord-sample-1", userId, "course-rust", OrderStatus.PAID, Optional.empty(), Duration.ofHours(1));

        APIGatewayV2HTTPResponse response = new SupportLookupHandler().handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/support-lookup/lookup-by-order.json"),
                LocalLambdaContext.of(Topology.SUPPORT_LOOKUP.name(), 512, 10));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode card = Json.readTree(response.getBody());
        assertThat(card.path("query").path("kind").asText()).isEqualTo("ORDER_ID");
        assertThat(card.path("user").path("userId").asText()).isEqualTo(userId);
        assertThat(card.path("masked").asBoolean()).isTrue();
        assertThat(card.path("suggestions").get(0).path("caseId").asText()).isEqualTo("paid_no_access");
    }
}
