package com.warroom.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** events/stuck-list through the handler's production constructor (table names from the embedded stack's settings). */
@ExtendWith(EmbeddedStackExtension.class)
class StuckListSampleEventTest {

    @Test
    void sampleEvent_listStuck_answersItemsAndAsOf(EmbeddedStack stack) {
        APIGatewayV2HTTPResponse response = new StuckListHandler().handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/stuck-list/list-stuck.json"),
                LocalLambdaContext.of(Topology.STUCK_LIST.name(), 512, 10));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = Json.readTree(response.getBody());
        assertThat(body.path("items").isArray()).isTrue();
        assertThat(body.path("items").size()).isLessThanOrEqualTo(20);
        assertThat(body.path("asOf").asText()).isNotBlank();
    }
}
