package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every bad input of every route: malformed JSON, wrong types, missing and unknown fields, bad ids, unknown incidents.
 * Each is a problem naming the field (or 404), and nothing is written: neither the incident nor an audit entry.
 */
@ExtendWith(EmbeddedStackExtension.class)
class BadInputTest {

    private static final String GOOD_DECLARATION = "\"title\":\"paid but no access\",\"components\":[\"access\"],\"detectedBy\":\"ticket\","
            + "\"firstSeenAt\":\"2026-01-01T00:00:00Z\",\"impact\":{\"usersAffected\":3}";
    private static final String EVIDENCE = "POST /v1/incidents/{id}/evidence";
    private static final String GET_EVIDENCE = "GET /v1/incidents/{id}/evidence/{evidenceId}";
    private static IncidentWorld world;
    private static String incident;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new IncidentWorld(stack);
        incident = world.declareId("P1");
    }

    static Stream<Arguments> badDeclarations() {
        return Stream.of(
                Arguments.of("not json", 400, null),
                Arguments.of("[1,2]", 400, null),
                Arguments.of("", 400, null),
                Arguments.of("{" + GOOD_DECLARATION + ",\"colour\":\"red\"}", 400, "colour"),
                Arguments.of("{" + GOOD_DECLARATION.replace("\"title\":\"paid but no access\"", "\"title\":\"x\"") + "}", 400, "title"),
                Arguments.of("{" + GOOD_DECLARATION.replace("\"title\":\"paid but no access\",", "") + "}", 400, "title"),
                Arguments.of("{" + GOOD_DECLARATION.replace("\"title\":\"paid but no access\"", "\"title\":42") + "}", 400, "title"),
                Arguments.of("{" + GOOD_DECLARATION + ",\"severity\":\"S4\"}", 400, "severity"),
                Arguments.of("{" + GOOD_DECLARATION + ",\"severity\":1}", 400, "severity"),
                Arguments.of("{" + GOOD_DECLARATION.replace("[\"access\"]", "[]") + "}", 400, "components"),
                Arguments.of("{" + GOOD_DECLARATION.replace("[\"access\"]", "\"access\"") + "}", 400, "components"),
                Arguments.of("{" + GOOD_DECLARATION.replace("[\"access\"]", "[\"access\",\"wallet\"]") + "}", 400, "components[1]"),
                Arguments.of("{" + GOOD_DECLARATION.replace("[\"access\"]", "[\"access\",\"access\"]") + "}", 400, "components[1]"),
                Arguments.of("{" + GOOD_DECLARATION.replace("[\"access\"]", "[7]") + "}", 400, "components[0]"),
                Arguments.of("{" + GOOD_DECLARATION.replace("\"ticket\"", "\"twitter\"") + "}", 400, "detectedBy"),
                Arguments.of("{" + GOOD_DECLARATION.replace("\"detectedBy\":\"ticket\",", "") + "}", 400, "detectedBy"),
                Arguments.of("{" + GOOD_DECLARATION.replace("2026-01-01T00:00:00Z", "yesterday") + "}", 400, "firstSeenAt"),
                Arguments.of("{" + GOOD_DECLARATION.replace("2026-01-01T00:00:00Z", "2999-01-01T00:00:00Z") + "}", 400, "firstSeenAt"),
                Arguments.of("{" + GOOD_DECLARATION.replace("{\"usersAffected\":3}", "3") + "}", 400, "impact"),
                Arguments.of("{" + GOOD_DECLARATION.replace("{\"usersAffected\":3}", "{}") + "}", 400, "impact.usersAffected"),
                Arguments.of("{" + GOOD_DECLARATION.replace("{\"usersAffected\":3}", "{\"usersAffected\":-1}") + "}", 400, "impact.usersAffected"),
                Arguments.of("{" + GOOD_DECLARATION.replace("{\"usersAffected\":3}", "{\"usersAffected\":2.5}") + "}", 400, "impact.usersAffected"),
                Arguments.of("{" + GOOD_DECLARATION.replace("{\"usersAffected\":3}", "{\"usersAffected\":3,\"description\":5}") + "}", 400,
                        "impact.description"),
                Arguments.of("{" + GOOD_DECLARATION.replace("{\"usersAffected\":3}", "{\"usersAffected\":3,\"who\":1}") + "}", 400, "impact.who"),
                Arguments.of("{" + GOOD_DECLARATION + ",\"commander\":\"no spaces allowed\"}", 400, "commander"),
                Arguments.of("{" + GOOD_DECLARATION + ",\"commander\":[\"a\"]}", 400, "commander"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badDeclarations")
    void declare_badInput_isAProblemNamingTheField_andWritesNothing(String body, int status, String field) {
        long before = world.incidentCount();
        assertProblem(world.ops(IncidentWorld.DECLARE, null, body), status, null, field);
        assertThat(world.incidentCount()).isEqualTo(before);
    }

    static Stream<Arguments> badChanges() {
        String unknown = "inc-" + "f".repeat(32);
        return Stream.of(
                Arguments.of(IncidentWorld.STATUS, "INC-1", "{\"status\":\"CLASSIFIED\",\"note\":\"x\"}", 400, "id"),
                Arguments.of(IncidentWorld.STATUS, unknown, "{\"status\":\"CLASSIFIED\",\"note\":\"x\"}", 404, null),
                Arguments.of(IncidentWorld.STATUS, null, "{oops", 400, null),
                Arguments.of(IncidentWorld.STATUS, null, "{\"note\":\"x\"}", 400, "status"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":\"DONE\",\"note\":\"x\"}", 400, "status"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":true,\"note\":\"x\"}", 400, "status"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":\"CLASSIFIED\"}", 400, "note"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":\"CLASSIFIED\",\"note\":\"\"}", 400, "note"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":\"CLASSIFIED\",\"note\":\"x\",\"severity\":\"S9\"}", 400, "severity"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":\"CLASSIFIED\",\"note\":\"x\",\"postmortemOwner\":\"a b\"}", 400,
                        "postmortemOwner"),
                Arguments.of(IncidentWorld.STATUS, null, "{\"status\":\"CLASSIFIED\",\"note\":\"x\",\"extra\":1}", 400, "extra"),
                Arguments.of(IncidentWorld.NOTES, null, "{}", 400, "text"),
                Arguments.of(IncidentWorld.NOTES, null, "{\"text\":[]}", 400, "text"),
                Arguments.of(IncidentWorld.NOTES, null, "{\"text\":\"" + "x".repeat(5001) + "\"}", 400, "text"),
                Arguments.of(IncidentWorld.NOTES, unknown, "{\"text\":\"hello\"}", 404, null),
                Arguments.of(IncidentWorld.NOTES, "x", "{\"text\":\"hello\"}", 400, "id"),
                Arguments.of(IncidentWorld.LINKS, null, "{\"kind\":\"flag\",\"id\":\"contribute@global\"}", 400, "kind"),
                Arguments.of(IncidentWorld.LINKS, null, "{\"kind\":\"wallet\",\"id\":\"x\"}", 400, "kind"),
                Arguments.of(IncidentWorld.LINKS, null, "{\"kind\":\"order\"}", 400, "id"),
                Arguments.of(IncidentWorld.LINKS, null, "{\"kind\":\"order\",\"id\":\"no spaces\"}", 400, "id"),
                Arguments.of(IncidentWorld.LINKS, null, "{\"kind\":\"order\",\"id\":\"ord-does-not-exist\"}", 422, "id"),
                Arguments.of(IncidentWorld.LINKS, null, "{\"kind\":\"ticket\",\"id\":\"tkt-" + "0".repeat(32) + "\"}", 422, "id"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"rootCause\":\"x\"}", 400, "owner"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"owner\":\"pia\",\"actions\":{}}", 400, "actions"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"owner\":\"pia\",\"actions\":[{\"text\":\"fix\"}]}", 400, "actions[0].owner"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"owner\":\"pia\",\"actions\":[{\"owner\":\"pia\"}]}", 400, "actions[0].text"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"owner\":\"pia\",\"actions\":[{\"text\":\"a\",\"owner\":\"pia\",\"done\":\"yes\"}]}",
                        400, "actions[0].done"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"owner\":\"pia\",\"actions\":[{\"text\":\"a\",\"owner\":\"pia\",\"when\":1}]}",
                        400, "actions[0].when"),
                Arguments.of(IncidentWorld.POSTMORTEM, null, "{\"owner\":\"pia\",\"rootCause\":7}", 400, "rootCause"),
                Arguments.of(IncidentWorld.POSTMORTEM, unknown, "{\"owner\":\"pia\"}", 404, null),
                Arguments.of(EVIDENCE, null, "not json", 400, null),
                Arguments.of(EVIDENCE, null, "{}", 400, "orderIds"),
                Arguments.of(EVIDENCE, null, "{\"orderIds\":[\"o-1\"]}", 400, "from"),
                Arguments.of(EVIDENCE, null, "{\"orderIds\":\"o-1\",\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01T01:00:00Z\"}",
                        400, "orderIds"),
                Arguments.of(EVIDENCE, null, "{\"orderIds\":[\"o-1\"],\"from\":\"2026-12-01T02:00:00Z\",\"to\":\"2026-12-01T01:00:00Z\"}",
                        400, "to"),
                Arguments.of(EVIDENCE, null, "{\"orderIds\":[\"o-1\"],\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01T01:00:00Z\","
                        + "\"wallets\":[]}", 400, "wallets"),
                Arguments.of(EVIDENCE, "inc-1", "{\"orderIds\":[\"o-1\"],\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01T01:00:00Z\"}",
                        400, "id"),
                Arguments.of(EVIDENCE, unknown, "{\"orderIds\":[\"o-1\"],\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01T01:00:00Z\"}",
                        404, null));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badChanges")
    void change_badInput_isAProblemNamingTheField_andWritesNothing(String route, String id, String body, int status, String field) {
        List<Map<String, AttributeValue>> before = world.stored(incident);
        int audited = world.audited(incident).size();
        assertProblem(world.ops(route, id == null ? incident : id, body), status, null, field);
        assertThat(world.stored(incident)).isEqualTo(before);
        assertThat(world.audited(incident)).hasSize(audited);
    }

    static Stream<Arguments> badReads() {
        String unknown = "inc-" + "e".repeat(32);
        return Stream.of(
                Arguments.of(IncidentWorld.GET, Map.of("id", "nope"), Map.of(), 400, "id"),
                Arguments.of(IncidentWorld.GET, Map.of("id", unknown), Map.of(), 404, null),
                Arguments.of(IncidentWorld.GET, Map.of("id", unknown), Map.of("x", "1"), 400, "x"),
                Arguments.of(IncidentWorld.GET_POSTMORTEM, Map.of("id", unknown), Map.of(), 404, null),
                Arguments.of(IncidentWorld.GET_POSTMORTEM, Map.of("id", "inc-1"), Map.of(), 400, "id"),
                Arguments.of(IncidentWorld.COMMUNICATION, Map.of("id", unknown), Map.of(), 404, null),
                Arguments.of(IncidentWorld.COMMUNICATION, Map.of("id", "INC-" + "e".repeat(32)), Map.of(), 400, "id"),
                Arguments.of(IncidentWorld.LIST, Map.of(), Map.of("status", "OPEN"), 400, "status"),
                Arguments.of(IncidentWorld.LIST, Map.of(), Map.of("limit", "0"), 400, "limit"),
                Arguments.of(IncidentWorld.LIST, Map.of(), Map.of("limit", "many"), 400, "limit"),
                Arguments.of(IncidentWorld.LIST, Map.of(), Map.of("cursor", "bm90IGEgY3Vyc29y"), 400, "cursor"),
                Arguments.of(IncidentWorld.LIST, Map.of(), Map.of("sort", "title"), 400, "sort"),
                Arguments.of(GET_EVIDENCE, Map.of("id", unknown, "evidenceId", "evd-" + "1".repeat(32)), Map.of(), 404, null),
                Arguments.of(GET_EVIDENCE, Map.of("id", unknown, "evidenceId", "e-1"), Map.of(), 400, "evidenceId"),
                Arguments.of(GET_EVIDENCE, Map.of("id", incident, "evidenceId", "evd-" + "2".repeat(32)), Map.of(), 404, null),
                Arguments.of(GET_EVIDENCE, Map.of("id", "x", "evidenceId", "evd-" + "1".repeat(32)), Map.of(), 400, "id"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badReads")
    void read_badInput_isAProblemNamingTheField(String route, Map<String, String> path, Map<String, String> query, int status, String field) {
        assertProblem(world.call(IncidentWorld.event(route, path, null, query, IncidentWorld.OPS, Role.OPS)), status, null, field);
    }
}
