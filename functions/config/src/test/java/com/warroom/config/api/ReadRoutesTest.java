package com.warroom.config.api;

import static com.warroom.config.api.ChangeRouteTest.assertProblem;
import static com.warroom.config.api.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.config.SeedConfig;
import com.warroom.config.seed.SeedHandler;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.topology.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The read-only config routes: every staff role and the backend may read; secrets never leave. */
@ExtendWith(EmbeddedStackExtension.class)
class ReadRoutesTest {

    private static final SeedConfig SEED = SeedHandler.bundledSeed();
    private static ConfigFixtures fixtures;
    private static ConfigFixtures empty;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        fixtures = new ConfigFixtures(stack);
        fixtures.seed();
        empty = new ConfigFixtures(stack);
    }

    static Stream<Arguments> routesAndRoles() {
        return Stream.of(ReadConfigAction.NETWORKS, ReadConfigAction.TREASURY, ReadConfigAction.FEE_RULES, ReadConfigAction.EXP_REWARDS)
                .flatMap(route -> Stream.of(Role.values()).map(role -> Arguments.of(route, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndRoles")
    void read_byEveryStaffRoleAndTheBackend_answersTheVersion(String route, Role role) {
        APIGatewayV2HTTPResponse response = fixtures.read(route, "reader-" + role.claimValue(), role);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(json(response).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void networks_listEveryNetworkWithoutItsRpcSecretName() {
        APIGatewayV2HTTPResponse response = fixtures.read(ReadConfigAction.NETWORKS, "svc", Role.SERVICE);
        JsonNode networks = json(response).path("networks");
        assertThat(networks.size()).isEqualTo(SEED.networks().size());
        assertThat(networks.findValuesAsText("chain")).containsExactly("evm:1", "evm:8453", "evm:56", "solana");
        assertThat(networks.get(0).path("name").asText()).isEqualTo("Ethereum");
        assertThat(networks.get(0).path("nativeAsset").asText()).isEqualTo("ETH");
        assertThat(response.getBody()).doesNotContain("rpcSecretName").doesNotContain("warroom/rpc/");
    }

    @Test
    void treasury_listsEveryWallet() {
        JsonNode treasury = json(fixtures.read(ReadConfigAction.TREASURY, "fin", Role.FINANCE)).path("treasury");
        assertThat(treasury.size()).isEqualTo(SEED.treasury().size());
        assertThat(treasury.get(0).path("chain").asText()).isEqualTo("evm:1");
        assertThat(treasury.get(0).path("asset").asText()).isEqualTo("USDC");
        assertThat(treasury.get(0).path("address").asText()).isEqualTo("0x10B1Ef3069a2E5471e1b193060EDC529d806a738");
    }

    @Test
    void feeRules_listEveryRuleById() {
        JsonNode rules = json(fixtures.read(ReadConfigAction.FEE_RULES, "sup", Role.SUPPORT)).path("feeRules");
        assertThat(rules.properties()).extracting(e -> e.getKey()).containsAll(SeedConfig.REQUIRED_FEE_RULES);
        assertThat(rules.path("bonding_swap").path("kind").asText()).isEqualTo("percentage");
        assertThat(rules.path("bonding_swap").path("rateBps").asInt()).isEqualTo(150);
        assertThat(rules.path("blue_check").path("amount").path("minor").asLong()).isEqualTo(1000);
        assertThat(rules.path("blue_check").path("splits").get(0).path("to").asText()).isEqualTo("treasury");
    }

    @Test
    void expRewards_listEveryPriorityWithItsWholeExp() {
        APIGatewayV2HTTPResponse response = fixtures.read(ReadConfigAction.EXP_REWARDS, "sup", Role.SUPPORT);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).path("expRewards").toString()).isEqualTo("{\"CRITICAL\":500,\"HIGH\":200,\"MEDIUM\":100,\"LOW\":50}");
    }

    @Test
    void expRewards_whenNoConfigIsLoaded_is503() {
        assertProblem(empty.read(ReadConfigAction.EXP_REWARDS, "ops", Role.OPS), 503, "config-not-loaded");
    }

    @Test
    void read_withoutToken_is401() {
        assertProblem(fixtures.read(ReadConfigAction.TREASURY, null), 401, "unauthorized");
    }

    @Test
    void read_withNoRole_is403() {
        assertProblem(fixtures.read(ReadConfigAction.TREASURY, "nobody"), 403, "forbidden");
    }

    @Test
    void read_withUnknownQueryParameter_is400() {
        var event = HttpEvents.route(ReadConfigAction.NETWORKS).caller("ops", Role.OPS).query("chain", "evm:1").build();
        JsonNode problem = assertProblem(ConfigFixtures.call(fixtures.reads, event), 400, "validation");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("chain");
    }

    @Test
    void read_whenNoConfigIsLoaded_is503() {
        assertProblem(empty.read(ReadConfigAction.FEE_RULES, "ops", Role.OPS), 503, "config-not-loaded");
    }
}
