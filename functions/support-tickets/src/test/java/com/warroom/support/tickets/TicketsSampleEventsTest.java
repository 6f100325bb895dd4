package com.warroom.support.tickets;

import static com.warroom.support.tickets.TicketWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.SortableTime;
import com.warroom.seal.KmsSealer;
import com.warroom.support.tickets.api.TicketsApiHandler;
import com.warroom.support.tickets.keeper.TicketKeeperHandler;
import com.warroom.support.tickets.store.TicketStore;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The events in events/support-tickets/ and events/ticket-keeper/, fed to the handlers as Lambda builds them (no-arg
 * constructors, configuration from the environment), in the order a ticket lives them: filed, prioritised, assigned,
 * answered, followed up, in progress, linked, reproduced, fixed (the EXP under the seed config), resolved, confirmed.
 */
@ExtendWith(EmbeddedStackExtension.class)
class TicketsSampleEventsTest {

    private static final String TICKET = "tkt-5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f";
    private static final String INCIDENT = "inc-00000000000000000000000000002041";

    private static APIGatewayV2HTTPResponse http(TicketsApiHandler handler, String file) {
        return handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/support-tickets/" + file),
                LocalLambdaContext.of("support-tickets", 1024, 30));
    }

    @Test
    void sampleEvents_inTheOrderATicketLivesThem_areAnsweredAsDocumented(EmbeddedStack stack) {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        ConfigStore config = new ConfigStore(enhanced, Topology.CONFIG.localName(), Clock.systemUTC());
        if (config.newest().isEmpty()) {
            var seed = (ConfigOutcome.Valid) SeedConfigParser.load(Path.of("../../config/seed-v1.json"));
            new ConfigSeeder(config, new AuditLog(enhanced, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC()))
                    .seed(seed.config(), new Caller("warroom-test", "t@warroom.test", Set.of(Role.SUPER_ADMIN)),
                            new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1")));
        }
        TicketStore store = new TicketStore(stack.dynamoDb(), enhanced, Topology.TICKETS.localName());
        // the ticket the staff events name, as the platform filed it
        store.create(com.warroom.support.tickets.Ticket.filed(TICKET, new com.warroom.support.tickets.Ticket.Report("u-1029",
                        TicketType.BUG, "Refund shows failed", "the app says failed", Optional.of("rina@example.com"), Optional.empty(),
                        "platform", SortableTime.now(Clock.systemUTC()))),
                com.warroom.support.tickets.HistoryEntry.event(TICKET, com.warroom.support.tickets.HistoryEntry.Kind.CREATED, "platform",
                        Instant.now(), Map.of()));
        // the incident link-incident.json names
        stack.dynamoDb().putItem(b -> b.tableName(Topology.INCIDENTS.localName()).item(Map.of(
                "incidentId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(INCIDENT),
                "item", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(com.warroom.incidents.IncidentItem.ITEM))));
        TicketsApiHandler handler = new TicketsApiHandler();

        JsonNode filed = ok(http(handler, "file-ticket.json"), 201);
        assertThat(filed.path("status").asText()).isEqualTo("OPEN");
        assertThat(ok(http(handler, "set-priority.json"), 200).path("priority").asText()).isEqualTo("HIGH");
        assertThat(ok(http(handler, "assign.json"), 200).path("assignee").asText()).isEqualTo("ops-olga");
        assertThat(ok(http(handler, "comment.json"), 200).path("firstResponseAt").isNull()).isFalse();
        assertThat(ok(http(handler, "follow-up.json"), 200).path("followedUp").asBoolean()).isTrue();
        assertThat(ok(http(handler, "start-progress.json"), 200).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ok(http(handler, "link-incident.json"), 200).path("links").get(0).path("id").asText()).isEqualTo(INCIDENT);
        assertThat(ok(http(handler, "reproduced.json"), 200).path("reproduced").isObject()).isTrue();
        JsonNode fixed = ok(http(handler, "fixed.json"), 200);
        assertThat(fixed.path("exp").path("amount").asLong()).isEqualTo(200);
        assertThat(ok(http(handler, "resolve.json"), 200).path("status").asText()).isEqualTo("RESOLVED");
        JsonNode closed = ok(http(handler, "confirmation.json"), 200);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("csat").path("rating").asInt()).isEqualTo(5);
        JsonNode got = ok(http(handler, "get-ticket.json"), 200);
        assertThat(java.util.stream.StreamSupport.stream(got.path("history").spliterator(), false)
                .map(entry -> entry.path("kind").asText()).toList()).containsExactly("CREATED", "PRIORITY", "ASSIGNED", "COMMENT",
                "FOLLOW_UP", "STATUS", "LINKED", "REPRODUCED", "FIXED", "EXP_GRANTED", "STATUS", "CONFIRMED");
        assertThat(ok(http(handler, "list-tickets.json"), 200).has("items")).isTrue();
        assertThat(ok(http(handler, "metrics.json"), 200).has("volumeByType")).isTrue();

        Map<String, Object> round = new TicketKeeperHandler().handleRequest(
                Json.read("{}", Map.class), LocalLambdaContext.of("ticket-keeper", 512, 300));
        assertThat(round).containsKeys("closed", "rewarded");
    }
}
