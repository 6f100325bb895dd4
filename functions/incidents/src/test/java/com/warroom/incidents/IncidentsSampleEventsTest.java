package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.incidents.api.IncidentsHandler;
import com.warroom.incidents.keeper.IncidentKeeperHandler;
import com.warroom.incidents.model.Component;
import com.warroom.incidents.model.DetectedBy;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.model.Postmortem;
import com.warroom.incidents.model.Severity;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.SortableTime;
import com.warroom.incidents.TimelineEntry;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The events in events/incidents-api/ and events/incident-keeper/, fed to the handlers as Lambda builds them (no-arg
 * constructors, configuration from the environment), in the order an incident lives them.
 */
@ExtendWith(EmbeddedStackExtension.class)
class IncidentsSampleEventsTest {

    private static final String INCIDENT = "inc-5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f";

    private static APIGatewayV2HTTPResponse http(IncidentsHandler handler, String file) {
        return handler.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/incidents-api/" + file),
                LocalLambdaContext.of("incidents-api", 1024, 60));
    }

    @Test
    void sampleEvents_inTheOrderAnIncidentLivesThem_areAnsweredAsDocumented(EmbeddedStack stack) {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        IncidentStore store = new IncidentStore(enhanced, Topology.INCIDENTS.localName());
        // the incident the events name, as the declare route wrote it (support reported it: no severity yet)
        Instant now = SortableTime.now(Clock.systemUTC());
        Incident declared = new Incident(INCIDENT, new Incident.Declaration("Paid but no access", List.of(Component.ACCESS, Component.PAYMENT),
                DetectedBy.TICKET, now.minusSeconds(1800), now, new Incident.Impact(14, Optional.empty()), "support-sam"),
                new Incident.Handling(IncidentStatus.DETECTED, Optional.<Severity>empty(), "oki-ops", Incident.CommanderSource.GIVEN,
                        Optional.empty(), Optional.empty()), List.of(), List.of(), Postmortem.NONE, 0, 0);
        assertThat(store.write(declared, List.of(TimelineEntry.Draft.of(TimelineEntry.Kind.DECLARED, "support-sam", now, "declared"))))
                .isTrue();
        IncidentsHandler handler = new IncidentsHandler();

        JsonNode created = ok(http(handler, "declare.json"), 201);
        assertThat(created.path("severity").asText()).isEqualTo("P1");
        assertThat(created.path("commanderSource").asText()).isEqualTo("given");
        assertThat(ok(http(handler, "report-by-support.json"), 201).path("severity").isNull()).isTrue();
        assertThat(ok(http(handler, "classify.json"), 200).path("severity").asText()).isEqualTo("P1");
        assertThat(ok(http(handler, "note.json"), 201).path("kind").asText()).isEqualTo("NOTE");
        assertThat(ok(http(handler, "contain.json"), 200).path("status").asText()).isEqualTo("CONTAINED");
        assertThat(ok(http(handler, "investigate.json"), 200).path("status").asText()).isEqualTo("INVESTIGATING");
        JsonNode resolved = ok(http(handler, "resolve.json"), 200);
        assertThat(resolved.path("postmortem").path("owner").asText()).isEqualTo("pia-ops");
        assertThat(ok(http(handler, "postmortem.json"), 200).path("complete").asBoolean()).isTrue();
        JsonNode incident = ok(http(handler, "get-incident.json"), 200);
        assertThat(incident.path("timeline").findValuesAsText("kind")).containsExactly("DECLARED", "STATUS", "NOTE", "STATUS", "STATUS",
                "STATUS", "POSTMORTEM");
        // other tests' incidents share the table (with clocks years ahead): this page holds RESOLVED ones, newest first
        assertThat(ok(http(handler, "list-incidents.json"), 200).path("items").findValuesAsText("status")).isNotEmpty()
                .containsOnly("RESOLVED");
        assertThat(ok(http(handler, "get-postmortem.json"), 200).path("markdown").asText()).contains("| Incident ID | " + INCIDENT + " |");
        assertThat(ok(http(handler, "communication.json"), 200).path("user").path("id").asText()).contains("sudah teratasi");

        Map<String, Object> round = new IncidentKeeperHandler().handleRequest(Json.read("{}", Map.class),
                LocalLambdaContext.of("incident-keeper", 512, 120));
        assertThat(round).containsKeys("overdue", "notified");
    }
}
