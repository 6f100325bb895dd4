package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The events in events/flag-toggle/, exactly as the README tells ops to send them with {@code aws lambda invoke}. */
@ExtendWith(EmbeddedStackExtension.class)
class SampleEventsTest {

    private static AuditTrail trail;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        trail = AuditTrail.fromSettings(DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build());
    }

    private static APIGatewayV2HTTPResponse send(FlagApi.Handler handler, String file) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/flag-toggle/" + file);
        return FlagApi.call(handler.instance(), event);
    }

    @Test
    void sampleEvents_disableRoundThenCheckThenAskToReEnable_answerAsDocumented() {
        APIGatewayV2HTTPResponse disabled = send(FlagApi.Handler.ADMIN, "set-flag-disable-round.json");
        assertThat(disabled.getStatusCode()).as(disabled.getBody()).isEqualTo(200);
        assertThat(json(disabled).path("enabled").asBoolean()).isFalse();

        APIGatewayV2HTTPResponse check = send(FlagApi.Handler.READ, "check-flag.json");
        assertThat(check.getStatusCode()).as(check.getBody()).isEqualTo(200);
        assertThat(json(check).path("allowed").asBoolean()).isFalse();
        assertThat(json(check).path("blockedBy").path("scope").asText()).isEqualTo("round:R1");

        APIGatewayV2HTTPResponse reEnable = send(FlagApi.Handler.ADMIN, "set-flag-enable-fund.json");
        assertThat(reEnable.getStatusCode()).as(reEnable.getBody()).isEqualTo(202);
        assertThat(json(reEnable).path("status").asText()).isEqualTo("PENDING");

        AuditEntry newest = trail.newest(new AuditQuery(Optional.of("flag:contribute@round:R1"), Optional.empty(), 1, Optional.empty())).get(0);
        assertThat(newest.action()).isEqualTo("approval.requested");
        assertThat(newest.sourceIp()).as("the event's source IP").isEqualTo("203.0.113.7");
        assertThat(newest.requestId()).isNotBlank();
    }

    @Test
    void sampleEvents_listAndDisableFeed_answerAsDocumented() {
        APIGatewayV2HTTPResponse list = send(FlagApi.Handler.READ, "list-flags.json");
        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(200);
        JsonNode flags = json(list).path("flags");
        assertThat(flags.size()).isEqualTo(12);

        APIGatewayV2HTTPResponse feed = send(FlagApi.Handler.ADMIN, "set-flag-disable-feed.json");
        assertThat(feed.getStatusCode()).as(feed.getBody()).isEqualTo(200);
        assertThat(json(feed).path("scope").asText()).isEqualTo("global");
        // the feed is global: give it back so other tests in this JVM see it on
        assertThat(new FlagApi(null).set("feed.posting", "global", true, "Sample test done, feed back on").getStatusCode()).isEqualTo(200);
    }
}
