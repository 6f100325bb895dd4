package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.assertProblem;
import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.Flag;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /v1/system-flags} and {@code GET /v1/system-flags/check}. */
@ExtendWith(EmbeddedStackExtension.class)
class ReadRoutesTest {

    private static FlagApi api;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        api = new FlagApi(stack);
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void list_showsEveryCatalogueFlagWithItsGlobalStateAndEveryOverride() {
        String round = id();
        String user = id();
        assertThat(api.set("claim.sbt", "round:" + round, false, "SBT contract paused for audit").getStatusCode()).isEqualTo(200);
        assertThat(api.set("claim.sbt", "user:" + user, false, "User reported a compromised wallet").getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse response = api.list();

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<JsonNode> flags = StreamSupport.stream(json(response).path("flags").spliterator(), false).toList();
        assertThat(flags).extracting(f -> f.path("flag").asText())
                .containsExactlyElementsOf(Arrays.stream(Flag.values()).map(Flag::key).toList());
        assertThat(flags).allSatisfy(f -> {
            assertThat(f.path("fundRelated").asBoolean()).isEqualTo(Flag.fromKey(f.path("flag").asText()).orElseThrow().fundRelated());
            assertThat(f.path("global").path("scope").asText()).isEqualTo("global");
            assertThat(f.path("global").has("enabled")).isTrue();
            assertThat(f.path("global").has("version")).isTrue();
        });
        JsonNode sbt = flags.stream().filter(f -> f.path("flag").asText().equals("claim.sbt")).findFirst().orElseThrow();
        List<JsonNode> overrides = StreamSupport.stream(sbt.path("overrides").spliterator(), false)
                .filter(o -> o.path("scope").asText().endsWith(round) || o.path("scope").asText().endsWith(user)).toList();
        assertThat(overrides).extracting(o -> o.path("scope").asText()).containsExactly("round:" + round, "user:" + user);
        assertThat(overrides).allSatisfy(o -> {
            assertThat(o.path("enabled").asBoolean()).isFalse();
            assertThat(o.path("updatedBy").asText()).isEqualTo(FlagApi.OPS);
            assertThat(o.path("updatedAt").asText()).isNotBlank();
            assertThat(o.path("version").asLong()).isEqualTo(1);
        });
        assertThat(overrides.get(0).path("reason").asText()).isEqualTo("SBT contract paused for audit");
    }

    @Test
    void check_whenUserOverrideDisabled_blocksThatUserInEveryRoundOnly() {
        String user = id();
        assertThat(api.set("claim.vesting", "user:" + user, false, "Wallet flagged by compliance").getStatusCode()).isEqualTo(200);

        JsonNode blocked = json(api.check("claim.vesting", id(), user));
        assertThat(blocked.path("allowed").asBoolean()).isFalse();
        assertThat(blocked.path("blockedBy").path("scope").asText()).isEqualTo("user:" + user);
        assertThat(blocked.path("blockedBy").path("reason").asText()).isEqualTo("Wallet flagged by compliance");
        assertThat(json(api.check("claim.vesting", null, user)).path("allowed").asBoolean()).isFalse();
        assertThat(json(api.check("claim.vesting", null, id())).path("allowed").asBoolean()).isTrue();
        assertThat(json(api.check("claim.vesting", null, null)).path("allowed").asBoolean()).isTrue();
    }

    @Test
    void check_whenRoundAndUserBothDisabled_reportsTheRoundFirst() {
        String round = id();
        String user = id();
        api.set("finalize", "user:" + user, false, "User under investigation");
        api.set("finalize", "round:" + round, false, "Round under investigation");

        JsonNode decision = json(api.check("finalize", round, user));

        assertThat(decision.path("allowed").asBoolean()).isFalse();
        assertThat(decision.path("blockedBy").path("scope").asText()).isEqualTo("round:" + round);
    }

    @Test
    void check_whenNonFundFlagDisabledGloballyThenReEnabled_followsAtOnce() {
        assertThat(api.set("notification.reminder", "global", false, "Reminder storm, muting all").getStatusCode()).isEqualTo(200);
        JsonNode blocked = json(api.check("notification.reminder", id(), id()));
        assertThat(blocked.path("allowed").asBoolean()).isFalse();
        assertThat(blocked.path("blockedBy").path("scope").asText()).isEqualTo("global");

        assertThat(api.set("notification.reminder", "global", true, "Storm over, reminders back on").getStatusCode()).isEqualTo(200);
        assertThat(json(api.check("notification.reminder", id(), id())).path("allowed").asBoolean()).isTrue();
    }

    static Stream<Arguments> badChecks() {
        return Stream.of(
                Arguments.of("flag missing", Map.of("round", "R1"), "flag"),
                Arguments.of("flag empty", Map.of("flag", ""), "flag"),
                Arguments.of("unknown flag", Map.of("flag", "withdraw"), "flag"),
                Arguments.of("flag in capitals", Map.of("flag", "CONTRIBUTE"), "flag"),
                Arguments.of("round with a space", Map.of("flag", "contribute", "round", "R 1"), "round"),
                Arguments.of("round empty", Map.of("flag", "contribute", "round", ""), "round"),
                Arguments.of("round too long", Map.of("flag", "contribute", "round", "R".repeat(129)), "round"),
                Arguments.of("user starting with a dot", Map.of("flag", "contribute", "user", ".hidden"), "user"),
                Arguments.of("user with a colon", Map.of("flag", "contribute", "user", "user:U1"), "user"),
                Arguments.of("unknown parameter", Map.of("flag", "contribute", "wallet", "0xabc"), "wallet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badChecks")
    void check_whenQueryIsBad_answers400NamingTheParameter(String name, Map<String, String> query, String field) {
        HttpEvents event = HttpEvents.route(CheckFlagAction.ROUTE).caller("svc", Role.SERVICE);
        query.forEach(event::query);
        assertProblem(FlagApi.call(api.reader, event.build()), 400, field);
    }

    @Test
    void list_whenGivenAnyQueryParameter_answers400NamingIt() {
        assertProblem(FlagApi.call(api.reader, HttpEvents.route(ListFlagsAction.ROUTE).caller("sam", Role.SUPPORT).query("flag", "contribute").build()),
                400, "flag");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void readRoutes_whenCallerHasAnyRole_answer200(Role role) {
        assertThat(FlagApi.call(api.reader, HttpEvents.route(ListFlagsAction.ROUTE).caller("someone", role).build()).getStatusCode()).isEqualTo(200);
        assertThat(FlagApi.call(api.reader, HttpEvents.route(CheckFlagAction.ROUTE).caller("someone", role).query("flag", "payout").build())
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void readRoutes_whenNoToken_answer401() {
        assertProblem(FlagApi.call(api.reader, HttpEvents.route(ListFlagsAction.ROUTE).build()), 401, null);
        assertProblem(FlagApi.call(api.reader, HttpEvents.route(CheckFlagAction.ROUTE).query("flag", "payout").build()), 401, null);
    }
}
