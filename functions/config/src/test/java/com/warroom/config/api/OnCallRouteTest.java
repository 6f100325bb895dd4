package com.warroom.config.api;

import static com.warroom.config.api.ChangeRouteTest.assertProblem;
import static com.warroom.config.api.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.SeedConfig;
import com.warroom.config.seed.SeedHandler;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/oncall/now} over the seed's roster: who is on call when, and every way to ask it wrong. */
@ExtendWith(EmbeddedStackExtension.class)
class OnCallRouteTest {

    /** Backend's seeded rotation hands over at 2026-12-07 00:00 in Jakarta: 2026-12-06 17:00 UTC. */
    private static final Instant HAND_OVER = Instant.parse("2026-12-06T17:00:00Z");

    private static ConfigFixtures fixtures;
    private static final AdjustableClock CLOCK = AdjustableClock.startingAt(HAND_OVER.minus(Duration.ofHours(1)));
    private static ConfigReadHandler reads;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ConfigFixtures(stack);
        fixtures.seed();
        reads = new ConfigReadHandler(fixtures.store, CLOCK);
    }

    private static APIGatewayV2HTTPResponse now(Optional<String> at, String sub, Role... roles) {
        HttpEvents event = HttpEvents.route(OnCallNowAction.ROUTE);
        if (sub != null) {
            event.caller(sub, roles);
        }
        at.ifPresent(value -> event.query("at", value));
        return ConfigFixtures.call(reads, event.build());
    }

    @Test
    void now_withoutAt_answersTheRosterAtTheClocksTime() {
        JsonNode body = json(now(Optional.empty(), "ops-1", Role.OPS));

        assertThat(body.path("at").asText()).isEqualTo(HAND_OVER.minus(Duration.ofHours(1)).toString());
        assertThat(body.path("configVersion").asLong()).isEqualTo(1);
        assertThat(body.path("timeZone").asText()).isEqualTo("Asia/Jakarta");
        assertThat(body.path("areas").findValuesAsText("area")).containsExactly("backend", "ops", "finance");
        JsonNode backend = body.path("areas").get(0);
        assertThat(backend.path("primary").asText()).isEqualTo("hadi.backend@example.com");
        assertThat(backend.path("backup").asText()).isEqualTo("intan.backend@example.com");
        assertThat(backend.path("rotationFrom").asText()).isEqualTo("2026-11-30");
        assertThat(backend.path("rotationTo").asText()).isEqualTo("2026-12-07");
        JsonNode finance = body.path("areas").get(2);
        assertThat(finance.path("primary").asText()).isEqualTo("dewi.finance@example.com");
        assertThat(finance.path("rotationTo").isNull()).isTrue();
        assertThat(body.path("escalation").toString())
                .isEqualTo("[{\"afterMinutes\":15,\"call\":\"backup\"},{\"afterMinutes\":30,\"call\":\"alice.admin@example.com\"}]");
    }

    @Test
    void now_atTheHandOver_answersTheNextRotation() {
        JsonNode before = json(now(Optional.of(HAND_OVER.minusSeconds(1).toString()), "ops-1", Role.OPS)).path("areas").get(0);
        JsonNode at = json(now(Optional.of(HAND_OVER.toString()), "ops-1", Role.OPS)).path("areas").get(0);

        assertThat(before.path("primary").asText()).isEqualTo("hadi.backend@example.com");
        assertThat(at.path("primary").asText()).isEqualTo("intan.backend@example.com");
        assertThat(at.path("backup").asText()).isEqualTo("hadi.backend@example.com");
        assertThat(at.path("rotationFrom").asText()).isEqualTo("2026-12-07");
        assertThat(at.path("rotationTo").isNull()).isTrue();
    }

    @Test
    void now_beforeEveryRotation_listsEachAreaWithNobody() {
        JsonNode areas = json(now(Optional.of("2026-11-29T16:59:59Z"), "ops-1", Role.OPS)).path("areas");

        assertThat(areas).hasSize(3).allSatisfy(area -> {
            assertThat(area.path("primary").isNull()).isTrue();
            assertThat(area.path("backup").isNull()).isTrue();
            assertThat(area.path("rotationFrom").isNull()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SUPER_ADMIN", "OPS", "FINANCE", "REVIEWER", "SUPPORT"})
    void now_byEveryStaffRole_answers(Role role) {
        assertThat(now(Optional.empty(), "staff-" + role.claimValue(), role).getStatusCode()).isEqualTo(200);
    }

    @Test
    void now_byTheBackend_is403() {
        assertProblem(now(Optional.empty(), "svc", Role.SERVICE), 403, "forbidden");
    }

    @Test
    void now_withoutAToken_is401() {
        assertProblem(now(Optional.empty(), null), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-12-01", "2026-12-01T25:00:00Z", "1764547200", "2026-12-01T08:00:00Z; drop"})
    void now_whenAtIsNotAnInstant_is400NamingAt(String at) {
        JsonNode problem = assertProblem(now(Optional.of(at), "ops-1", Role.OPS), 400, "validation");

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("at");
    }

    @Test
    void now_withAnUnknownParameter_is400NamingIt() {
        APIGatewayV2HTTPResponse response = ConfigFixtures.call(reads, HttpEvents.route(OnCallNowAction.ROUTE).caller("ops-1", Role.OPS)
                .query("area", "ops").build());

        assertThat(assertProblem(response, 400, "validation").path("errors").findValuesAsText("field")).containsExactly("area");
    }

    @Test
    void now_whenTheConfigSetsNoRoster_is404() {
        ConfigFixtures bare = new ConfigFixtures(fixtures.stack);
        SeedConfig seed = SeedHandler.bundledSeed();
        bare.seeder().seed(new SeedConfig(1, seed.networks(), seed.treasury(), seed.feeRules(), seed.roster(), seed.expRewards(),
                Optional.empty()), SeedHandler.ACTOR, new ConfigSeeder.SeedSource("seed:test", new RequestOrigin("test", "127.0.0.1")));

        APIGatewayV2HTTPResponse response = ConfigFixtures.call(new ConfigReadHandler(bare.store, CLOCK),
                HttpEvents.route(OnCallNowAction.ROUTE).caller("ops-1", Role.OPS).build());

        assertThat(assertProblem(response, 404, "oncall-not-set").path("detail").asText()).contains("oncall.set");
    }

    @Test
    void now_whenNoConfigIsLoaded_is503() {
        ConfigFixtures empty = new ConfigFixtures(fixtures.stack);

        assertProblem(ConfigFixtures.call(new ConfigReadHandler(empty.store, CLOCK),
                HttpEvents.route(OnCallNowAction.ROUTE).caller("ops-1", Role.OPS).build()), 503, "config-not-loaded");
    }

    @Test
    void now_fromTheSampleEvent_answersThatMomentsRoster() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/config/get-oncall-now.json");

        JsonNode body = json(ConfigFixtures.call(reads, event));

        assertThat(body.path("at").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(body.path("areas").get(1).path("primary").asText()).isEqualTo("citra.ops@example.com");
    }
}
