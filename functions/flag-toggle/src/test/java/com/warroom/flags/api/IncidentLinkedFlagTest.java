package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.assertProblem;
import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.IncidentJournal;
import com.warroom.incidents.IncidentLink;
import com.warroom.incidents.TimelineEntry;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * A kill-switch change made for an incident ({@code incidentId}): it lands in the incident's timeline (FLAG_CHANGE) and
 * links (kind flag) with the change itself; an incident that does not exist, or is CLOSED, refuses the change and
 * nothing is written.
 */
@ExtendWith(EmbeddedStackExtension.class)
class IncidentLinkedFlagTest {

    private static final String REASON = "Paid but no access: pausing contributions for the incident";
    private static FlagApi api;
    private static IncidentJournal journal;
    private static DynamoDbEnhancedClient enhanced;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new FlagApi(stack);
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        journal = new IncidentJournal(enhanced, Topology.INCIDENTS.localName());
    }

    /** An incident as the incident routes declare it: version 1, its DECLARED entry. */
    private static String incident(String status) {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        String id = "inc-" + HexFormat.of().formatHex(bytes);
        IncidentItem item = new IncidentItem(id, IncidentItem.ITEM, IncidentItem.LIST_KEY, status, "P1", "paid but no access",
                "2026-12-01T08:00:00.000Z", null, "{}", "[]", 1, 1);
        var request = TransactWriteItemsEnhancedRequest.builder();
        journal.writes(item, List.of(TimelineEntry.Draft.of(TimelineEntry.Kind.DECLARED, "ops-olga", Instant.now(), "declared")))
                .forEach(w -> w.accept(request));
        enhanced.transactWriteItems(request.build());
        return id;
    }

    private static String round() {
        return "round:R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static APIGatewayV2HTTPResponse set(String scope, String incidentId) {
        return api.set(Json.write(Map.of("flag", "contribute", "scope", scope, "enabled", false, "reason", REASON, "incidentId", incidentId)));
    }

    @Test
    void set_withAnIncident_writesFlagChangeIntoItsTimeline_andLinksTheFlagOnce() {
        String id = incident("CONTAINED");
        String scope = round();

        APIGatewayV2HTTPResponse first = set(scope, id);
        APIGatewayV2HTTPResponse second = set(scope, id);

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(json(second).path("version").asLong()).isEqualTo(2);
        List<TimelineEntry> timeline = journal.timeline(id);
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly("DECLARED", "FLAG_CHANGE", "FLAG_CHANGE");
        assertThat(timeline).extracting(TimelineEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(timeline.get(1).text()).isEqualTo("kill switch contribute@" + scope + " disabled: " + REASON);
        assertThat(timeline.get(1).actor()).isEqualTo(FlagApi.OPS);
        IncidentItem stored = journal.find(id).orElseThrow();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(IncidentLink.parseAll(stored.links())).extracting(IncidentLink::kind, IncidentLink::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentLink.Kind.FLAG, "contribute@" + scope));
    }

    @Test
    void set_withAnIncidentThatDoesNotExist_is400NamingIncidentId_andWritesNothing() {
        Map<String, Integer> before = api.counts();
        assertProblem(set(round(), "inc-" + "a".repeat(32)), 400, "incidentId");
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void set_withAClosedIncident_isRefused_andWritesNothing() {
        String id = incident("CLOSED");
        Map<String, Integer> before = api.counts();
        assertProblem(set(round(), id), 400, "incidentId");
        assertThat(api.counts()).isEqualTo(before);
        assertThat(journal.timeline(id)).hasSize(1);
    }

    @Test
    void set_withAMalformedIncidentId_is400NamingIt() {
        Map<String, Integer> before = api.counts();
        assertProblem(api.set("{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"" + REASON
                + "\",\"incidentId\":\"INC-42\"}"), 400, "incidentId");
        assertProblem(api.set("{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"" + REASON
                + "\",\"incidentId\":42}"), 400, "incidentId");
        assertThat(api.counts()).isEqualTo(before);
    }
}
