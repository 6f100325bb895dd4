package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.assertProblem;
import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(EmbeddedStackExtension.class)
class SetFlagRouteTest {

    private static final String REASON = "Suspicious contributions, pausing while we investigate";
    private static FlagApi api;
    private static EmbeddedStack stack;
    private static AuditTrail trail;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
        api = new FlagApi(embedded);
        trail = AuditTrail.fromSettings(DynamoDbEnhancedClient.builder().dynamoDbClient(embedded.dynamoDb()).build());
    }

    private static String round() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void set_whenRoundDisabled_blocksThatRoundOnlyAndReEnablingNeedsApproval() {
        String r1 = round();
        String r2 = round();

        APIGatewayV2HTTPResponse disabled = api.set("contribute", "round:" + r1, false, REASON);
        assertThat(disabled.getStatusCode()).as(disabled.getBody()).isEqualTo(200);
        JsonNode state = json(disabled);
        assertThat(state.path("enabled").asBoolean()).isFalse();
        assertThat(state.path("version").asLong()).isEqualTo(1);
        assertThat(state.path("updatedBy").asText()).isEqualTo(FlagApi.OPS);
        assertThat(state.path("changed").asBoolean()).isTrue();

        JsonNode blocked = json(api.check("contribute", r1, "U1"));
        assertThat(blocked.path("allowed").asBoolean()).isFalse();
        assertThat(blocked.path("blockedBy").path("flag").asText()).isEqualTo("contribute");
        assertThat(blocked.path("blockedBy").path("scope").asText()).isEqualTo("round:" + r1);
        assertThat(blocked.path("blockedBy").path("reason").asText()).isEqualTo(REASON);
        assertThat(blocked.path("blockedBy").path("since").asText()).isEqualTo(state.path("updatedAt").asText());
        assertThat(json(api.check("contribute", r2, "U1")).path("allowed").asBoolean()).isTrue();
        assertThat(json(api.check("refund", r1, "U1")).path("allowed").asBoolean()).isTrue();

        Map<String, Integer> before = api.counts();
        APIGatewayV2HTTPResponse reEnable = api.set("contribute", "round:" + r1, true, "Investigation closed, all clear");
        assertThat(reEnable.getStatusCode()).as(reEnable.getBody()).isEqualTo(202);
        String approvalId = json(reEnable).path("approvalId").asText();
        assertThat(json(reEnable).path("status").asText()).isEqualTo("PENDING");
        assertThat(json(api.check("contribute", r1, null)).path("allowed").asBoolean()).as("still blocked until approved").isFalse();

        Map<String, AttributeValue> approval = stack.dynamoDb().getItem(b -> b.tableName(Topology.APPROVALS.localName())
                .key(Map.of("id", AttributeValue.fromS(approvalId))).consistentRead(true)).item();
        assertThat(approval.get("status").s()).isEqualTo("PENDING");
        assertThat(approval.get("action").s()).isEqualTo("ENABLE_FUND_FLAG");
        assertThat(approval.get("requestedBy").s()).isEqualTo(FlagApi.OPS);
        assertThat(api.counts()).isEqualTo(Map.of("flags", before.get("flags"), "audit", before.get("audit") + 1,
                "approvals", before.get("approvals") + 1));

        List<AuditEntry> entries = trail.newest(new AuditQuery(Optional.of("flag:contribute@round:" + r1), Optional.empty(), 10, Optional.empty()));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("approval.requested", "flag.set");
        AuditEntry requested = entries.get(0);
        assertThat(requested.actorSub()).isEqualTo(FlagApi.OPS);
        assertThat(requested.actorRoles()).containsExactly("ops");
        assertThat(requested.reason()).isEqualTo("Investigation closed, all clear");
        assertThat(requested.after()).contains(approvalId);
        assertThat(requested.sourceIp()).isEqualTo("198.51.100.10");
        assertThat(requested.requestId()).isNotBlank();
        assertThat(entries.get(1).before()).isNull();
        assertThat(entries.get(1).after()).contains("\"enabled\":false");
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void set_whenNonFundFlagReEnabled_appliesAtOnce() {
        String scope = "user:" + UUID.randomUUID();
        assertThat(api.set("feed.posting", scope, false, "Posting spam from this user").getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse enabled = api.set("feed.posting", scope, true, "Spam cleaned up, user verified");
        assertThat(enabled.getStatusCode()).isEqualTo(200);
        assertThat(json(enabled).path("enabled").asBoolean()).isTrue();
        assertThat(json(enabled).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void set_whenAlreadyEnabled_answersUnchangedAndWritesNothing() {
        Map<String, Integer> before = api.counts();
        APIGatewayV2HTTPResponse response = api.set("payout", "round:" + round(), true, "Making sure payouts are on");
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("changed").asBoolean()).isFalse();
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void set_whenDisablingTwice_recordsTheNewReasonAsANewVersion() {
        String scope = "round:" + round();
        api.set("refund", scope, false, "First reason for the pause");
        APIGatewayV2HTTPResponse second = api.set("refund", scope, false, "Second, more precise reason");
        assertThat(json(second).path("version").asLong()).isEqualTo(2);
        assertThat(json(second).path("reason").asText()).isEqualTo("Second, more precise reason");
    }

    @Test
    void set_whenExpectedVersionIsStale_answers409AndWritesNothing() {
        String scope = "round:" + round();
        api.set("finalize", scope, false, "Pause finalization for this round");
        Map<String, Integer> before = api.counts();
        APIGatewayV2HTTPResponse stale = api.set(Json.write(Map.of("flag", "finalize", "scope", scope, "enabled", false,
                "reason", "Another pause reason here", "expectedVersion", 0)));
        assertProblem(stale, 409, null);
        assertThat(json(stale).path("detail").asText()).contains("version 1");
        assertThat(api.counts()).isEqualTo(before);

        APIGatewayV2HTTPResponse current = api.set(Json.write(Map.of("flag", "finalize", "scope", scope, "enabled", false,
                "reason", "Another pause reason here", "expectedVersion", 1)));
        assertThat(current.getStatusCode()).isEqualTo(200);
        assertThat(json(current).path("version").asLong()).isEqualTo(2);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"flag\": \"contribute\",", null),
                Arguments.of("not an object", "[1,2]", null),
                Arguments.of("empty body", "", null),
                Arguments.of("duplicate key", "{\"flag\":\"contribute\",\"flag\":\"payout\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\"}", null),
                Arguments.of("missing flag", "{\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\"}", "flag"),
                Arguments.of("unknown flag", "{\"flag\":\"withdraw\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\"}", "flag"),
                Arguments.of("flag of wrong type", "{\"flag\":5,\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\"}", "flag"),
                Arguments.of("missing scope", "{\"flag\":\"contribute\",\"enabled\":false,\"reason\":\"long enough reason\"}", "scope"),
                Arguments.of("unknown scope kind", "{\"flag\":\"contribute\",\"scope\":\"region:EU\",\"enabled\":false,\"reason\":\"long enough reason\"}", "scope"),
                Arguments.of("scope without id", "{\"flag\":\"contribute\",\"scope\":\"round:\",\"enabled\":false,\"reason\":\"long enough reason\"}", "scope"),
                Arguments.of("scope id with spaces", "{\"flag\":\"contribute\",\"scope\":\"user:bad id\",\"enabled\":false,\"reason\":\"long enough reason\"}", "scope"),
                Arguments.of("scope in capitals", "{\"flag\":\"contribute\",\"scope\":\"GLOBAL\",\"enabled\":false,\"reason\":\"long enough reason\"}", "scope"),
                Arguments.of("enabled as text", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":\"false\",\"reason\":\"long enough reason\"}", "enabled"),
                Arguments.of("enabled missing", "{\"flag\":\"contribute\",\"scope\":\"global\",\"reason\":\"long enough reason\"}", "enabled"),
                Arguments.of("reason missing", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false}", "reason"),
                Arguments.of("reason too short", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"because\"}", "reason"),
                Arguments.of("reason only spaces", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"              \"}", "reason"),
                Arguments.of("reason too long", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"" + "x".repeat(501) + "\"}", "reason"),
                Arguments.of("reason of wrong type", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":12345678901}", "reason"),
                Arguments.of("negative expectedVersion", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\",\"expectedVersion\":-1}", "expectedVersion"),
                Arguments.of("expectedVersion as text", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\",\"expectedVersion\":\"3\"}", "expectedVersion"),
                Arguments.of("fractional expectedVersion", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\",\"expectedVersion\":1.5}", "expectedVersion"),
                Arguments.of("unknown field", "{\"flag\":\"contribute\",\"scope\":\"global\",\"enable\":false,\"reason\":\"long enough reason\"}", "enable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void set_whenBodyIsBad_answers400NamingTheFieldAndWritesNothing(String name, String body, String field) {
        Map<String, Integer> before = api.counts();
        assertProblem(api.set(body), 400, field);
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void set_whenBodyOverOneMebibyte_answers413AndWritesNothing() {
        Map<String, Integer> before = api.counts();
        String huge = "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertProblem(api.set(huge), 413, null);
        assertThat(api.counts()).isEqualTo(before);
    }

    @Test
    void set_whenNoTokenOrWrongRole_isRefusedAndWritesNothing() {
        Map<String, Integer> before = api.counts();
        String body = "{\"flag\":\"contribute\",\"scope\":\"global\",\"enabled\":false,\"reason\":\"long enough reason\"}";
        assertProblem(FlagApi.call(api.admin, HttpEvents.route(SetFlagAction.ROUTE).body(body).build()), 401, null);
        for (Role role : List.of(Role.SUPPORT, Role.FINANCE, Role.REVIEWER, Role.SERVICE)) {
            assertProblem(FlagApi.call(api.admin, HttpEvents.route(SetFlagAction.ROUTE).caller("mallory", role).body(body).build()), 403, null);
        }
        assertThat(api.counts()).isEqualTo(before);
        assertThat(FlagApi.call(api.admin, HttpEvents.route(SetFlagAction.ROUTE).caller("root", Role.SUPER_ADMIN)
                .body(body.replace("global", "user:" + UUID.randomUUID())).build()).getStatusCode()).isEqualTo(200);
    }
}
