package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.money.Money;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedConfigParserTest {

    @Test
    void parse_whenValid_expectTheConfig() {
        SeedConfig config = valid(SeedConfigFixture.json());

        assertThat(config.version()).isEqualTo(1);
        assertThat(config.networks()).extracting(n -> n.chain().key()).containsExactly("evm:1", "evm:8453", "solana");
        assertThat(config.network(new Chain.Evm(1))).contains(
                new Network(new Chain.Evm(1), "Ethereum", "warroom/rpc/evm-1", "ETH"));
        assertThat(config.treasuryWallet(Chain.SOLANA, "SOL")).contains(
                new TreasuryWallet(Chain.SOLANA, "SOL", SeedConfigFixture.SOLANA_ADDRESS));
        assertThat(config.feeRules().keySet()).containsExactly(
                "blue_check", "bonding_swap", "fairlaunch_success", "presale_success", "sbt_claim", "token_creation");
        assertThat(config.feeRule("bonding_swap")).contains(new FeeRule.Percentage(150, List.of(
                new FeeSplit(FeeRecipient.TREASURY, 5000), new FeeSplit(FeeRecipient.CREATOR, 5000))));
        assertThat(config.feeRule("blue_check")).contains(new FeeRule.Flat(new Money("USD", 1000), List.of(
                new FeeSplit(FeeRecipient.TREASURY, 7000), new FeeSplit(FeeRecipient.REFERRAL, 3000))));
        assertThat(config.member("alice@example.com")).contains(new RosterMember("alice@example.com",
                Optional.of("0b6f2a9e-1c1d-4c55-9d67-2f3e1f8a9b10"), Set.of(Role.SUPER_ADMIN)));
        assertThat(config.member("bima@example.com").orElseThrow().sub()).isEmpty();
        assertThat(config.count(Role.SUPER_ADMIN)).isEqualTo(2);
    }

    // ---- JSON text

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{",
        "{\"version\": 1, \"version\": 2}",   // duplicate key
        "{} {}",                              // trailing tokens
        "{\"version\": 1,}",
    })
    void parse_whenNotStrictJson_expectOneRootError(String text) {
        assertThat(errors(text)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("$");
            assertThat(e.message()).startsWith("is not valid JSON");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "1", "\"config\"", "null"})
    void parse_whenNotAnObject_expectOneRootError(String text) {
        assertThat(errors(text)).extracting(FieldError::field).containsExactly("$");
    }

    @Test
    void parse_whenEmptyObject_expectEveryTopLevelFieldNamed() {
        assertThat(errors("{}")).containsExactlyInAnyOrder(
                new FieldError("version", "is required"),
                new FieldError("networks", "is required"),
                new FieldError("treasury", "is required"),
                new FieldError("feeRules", "is required"),
                new FieldError("roster", "is required"),
                new FieldError("expRewards", "is required"));
    }

    @Test
    void parse_whenUnknownFieldsAtAnyLevel_expectEachNamed() {
        ObjectNode json = SeedConfigFixture.json();
        json.put("comment", "x");
        network(json, 0).put("rpcUrl", "https://mainnet.infura.io/v3/KEY");
        rule(json, "blue_check").withObjectProperty("amount").put("decimals", 2);
        split(json, "bonding_swap", 0).put("wallet", "x");
        member(json, 2).put("phone", "+62");

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "comment", "networks[0].rpcUrl", "feeRules.blue_check.amount.decimals",
                "feeRules.bonding_swap.splits[0].wallet", "roster[2].phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"1\"", "true", "99999999999999999999"})
    void parse_whenVersionNotAPositiveWholeNumber_expectRefused(String version) {
        ObjectNode json = SeedConfigFixture.json();
        json.set("version", Json.readTree(version));

        assertThat(fields(json)).containsExactly("version");
    }

    // ---- networks

    @ParameterizedTest
    @ValueSource(strings = {"evm:01", "evm:0", "EVM:1", "eip155:1", "solana:mainnet", ""})
    void parse_whenChainNameMalformed_expectNetworkChainNamed(String chain) {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 1).put("chain", chain);

        assertThat(fields(json)).containsExactly("networks[1].chain");
    }

    @Test
    void parse_whenNetworkListedTwice_expectTheSecondNamed() {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 1).put("chain", "evm:1");

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("networks[1].chain");
            assertThat(e.message()).contains("networks[0]");
        });
    }

    @Test
    void parse_whenNoNetworks_expectRefused() {
        ObjectNode json = SeedConfigFixture.json();
        json.putArray("networks");
        json.putArray("treasury");

        assertThat(fields(json)).containsExactly("networks");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://eth-mainnet.g.alchemy.com/v2/abc123",
        "wss://mainnet.infura.io/ws/v3/abc123",
        "http://localhost:8545",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:warroom/rpc/evm-1-AbCdEf",
        "4f3c2a1b9e8d7c6b5a4f3c2a1b9e8d7c",   // a pasted API key
        "rpc/evm-1",                          // outside warroom/rpc/
        "warroom/rpc/",
        "warroom/rpc/evm 1",
        "",
    })
    void parse_whenRpcSecretNameIsNotASecretName_expectRefused(String secretName) {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 0).put("rpcSecretName", secretName);

        assertThat(fields(json)).containsExactly("networks[0].rpcSecretName");
    }

    @Test
    void parse_whenRpcSecretNameIsAnUrl_expectTheMessageSaysTheUrlBelongsInTheSecret() {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 0).put("rpcSecretName", "https://eth-mainnet.g.alchemy.com/v2/abc123");

        assertThat(errors(json)).singleElement().satisfies(e -> assertThat(e.message()).contains("not an endpoint URL"));
    }

    @Test
    void parse_whenNetworkFieldsBad_expectEachNamed() {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 0).put("name", " ").put("nativeAsset", "eth");
        network(json, 2).remove("rpcSecretName");

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "networks[0].name", "networks[0].nativeAsset", "networks[2].rpcSecretName");
    }

    // ---- treasury

    @Test
    void parse_whenEvmAddressFailsChecksum_expectTreasuryAddressNamed() {
        ObjectNode json = SeedConfigFixture.json();
        wallet(json, 0).put("address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("treasury[0].address");
            assertThat(e.message()).contains("EIP-55");
        });
    }

    @Test
    void parse_whenEvmAddressAllLowercase_expectRefused() {
        ObjectNode json = SeedConfigFixture.json();
        wallet(json, 0).put("address", SeedConfigFixture.EVM_ADDRESS.toLowerCase());

        assertThat(fields(json)).containsExactly("treasury[0].address");
    }

    @Test
    void parse_whenAddressOfTheWrongChainKind_expectRefused() {
        ObjectNode json = SeedConfigFixture.json();
        wallet(json, 0).put("address", SeedConfigFixture.SOLANA_ADDRESS);
        wallet(json, 1).put("address", SeedConfigFixture.EVM_ADDRESS);

        assertThat(fields(json)).containsExactlyInAnyOrder("treasury[0].address", "treasury[1].address");
    }

    @Test
    void parse_whenSolanaAddressDecodesTo31Bytes_expectRefused() {
        ObjectNode json = SeedConfigFixture.json();
        byte[] key = new byte[31];
        key[0] = 9;
        wallet(json, 1).put("address", Base58.encode(key));

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("treasury[1].address");
            assertThat(e.message()).contains("32 bytes");
        });
    }

    @Test
    void parse_whenTreasuryChainIsNotASupportedNetwork_expectTreasuryChainNamed() {
        ObjectNode json = SeedConfigFixture.json();
        ((ArrayNode) json.get("treasury")).addObject()
                .put("chain", "evm:56").put("asset", "USDT").put("address", SeedConfigFixture.OTHER_EVM_ADDRESS);

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("treasury[2].chain");
            assertThat(e.message()).contains("evm:56").contains("not a supported network");
        });
    }

    @Test
    void parse_whenSupportedNetworkEntryIsBrokenElsewhere_expectNoSpuriousUnsupportedChain() {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 0).put("nativeAsset", "");

        assertThat(fields(json)).containsExactly("networks[0].nativeAsset");
    }

    @Test
    void parse_whenTwoWalletsForOneChainAndAsset_expectTheSecondNamed() {
        ObjectNode json = SeedConfigFixture.json();
        ((ArrayNode) json.get("treasury")).addObject()
                .put("chain", "evm:1").put("asset", "USDC").put("address", SeedConfigFixture.OTHER_EVM_ADDRESS);

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("treasury[2].asset");
            assertThat(e.message()).contains("treasury[0]");
        });
    }

    @Test
    void parse_whenEmptyTreasury_expectValid() {
        ObjectNode json = SeedConfigFixture.json();
        json.putArray("treasury");

        assertThat(valid(json).treasury()).isEmpty();
    }

    // ---- fee rules

    @Test
    void parse_whenSplitsDoNotAddUpTo10000_expectSplitsNamedWithTheTotal() {
        ObjectNode json = SeedConfigFixture.json();
        split(json, "presale_success", 2).put("bps", 999);

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("feeRules.presale_success.splits");
            assertThat(e.message()).contains("9999");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5000", "10001", "5000.0", "\"5000\"", "null", "5e3"})
    void parse_whenSplitBpsNotAWholeNumberFrom1To10000_expectThatSplitNamed(String bps) {
        ObjectNode json = SeedConfigFixture.json();
        split(json, "bonding_swap", 1).set("bps", Json.readTree(bps));

        assertThat(fields(json)).containsExactly("feeRules.bonding_swap.splits[1].bps");
    }

    @Test
    void parse_whenRecipientUnknownOrRepeated_expectEachNamed() {
        ObjectNode json = SeedConfigFixture.json();
        split(json, "presale_success", 1).put("to", "marketing");
        split(json, "fairlaunch_success", 2).put("to", "treasury");

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "feeRules.presale_success.splits[1].to", "feeRules.fairlaunch_success.splits[2].to");
    }

    @Test
    void parse_whenNoSplits_expectRefused() {
        ObjectNode json = SeedConfigFixture.json();
        rule(json, "sbt_claim").putArray("splits");

        assertThat(fields(json)).containsExactly("feeRules.sbt_claim.splits");
    }

    @Test
    void parse_whenPercentageRuleHasAnAmountOrFlatRuleARate_expectRefused() {
        ObjectNode json = SeedConfigFixture.json();
        rule(json, "bonding_swap").putObject("amount").put("currency", "USD").put("minor", 1);
        rule(json, "blue_check").put("rateBps", 100);

        assertThat(fields(json)).containsExactlyInAnyOrder("feeRules.bonding_swap.amount", "feeRules.blue_check.rateBps");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "1.5", "\"150\""})
    void parse_whenRateBpsOutOfRange_expectRefused(String rate) {
        ObjectNode json = SeedConfigFixture.json();
        rule(json, "bonding_swap").set("rateBps", Json.readTree(rate));

        assertThat(fields(json)).containsExactly("feeRules.bonding_swap.rateBps");
    }

    @Test
    void parse_whenFlatAmountBad_expectEachPartNamed() {
        ObjectNode json = SeedConfigFixture.json();
        rule(json, "blue_check").withObjectProperty("amount").put("currency", "usd").put("minor", 0);
        rule(json, "sbt_claim").withObjectProperty("amount").put("currency", "XYZ").put("minor", 10.5);
        rule(json, "token_creation").remove("amount");

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "feeRules.blue_check.amount.currency", "feeRules.blue_check.amount.minor",
                "feeRules.sbt_claim.amount.currency", "feeRules.sbt_claim.amount.minor",
                "feeRules.token_creation.amount");
    }

    @Test
    void parse_whenKindUnknown_expectKindNamedAndSplitsStillChecked() {
        ObjectNode json = SeedConfigFixture.json();
        rule(json, "bonding_swap").put("kind", "tiered");
        split(json, "bonding_swap", 0).put("bps", 0);

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "feeRules.bonding_swap.kind", "feeRules.bonding_swap.splits[0].bps");
    }

    @Test
    void parse_whenALaunchPlanRuleIsMissing_expectItNamed() {
        ObjectNode json = SeedConfigFixture.json();
        ((ObjectNode) json.get("feeRules")).remove("sbt_claim");

        assertThat(fields(json)).containsExactly("feeRules.sbt_claim");
    }

    @Test
    void parse_whenExtraRuleWithBadId_expectIdNamed() {
        ObjectNode json = SeedConfigFixture.json();
        ((ObjectNode) json.get("feeRules")).set("Bonding-Swap", rule(json, "bonding_swap").deepCopy());

        assertThat(fields(json)).containsExactly("feeRules.Bonding-Swap");
    }

    @Test
    void parse_whenExtraWellFormedRule_expectKept() {
        ObjectNode json = SeedConfigFixture.json();
        ((ObjectNode) json.get("feeRules")).set("launch_boost", rule(json, "blue_check").deepCopy());

        assertThat(valid(json).feeRules()).containsKey("launch_boost");
    }

    // ---- roster

    @Test
    void parse_whenOnlyOneSuperAdmin_expectRosterNamed() {
        ObjectNode json = SeedConfigFixture.json();
        member(json, 1).putArray("roles").add("finance");

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("roster");
            assertThat(e.message()).contains("at least 2").contains("found 1");
        });
    }

    @Test
    void parse_whenSameSuperAdminListedTwice_expectDuplicateAndTooFewSuperAdmins() {
        ObjectNode json = SeedConfigFixture.json();
        member(json, 1).put("email", "Alice@example.com");

        assertThat(fields(json)).containsExactlyInAnyOrder("roster[1].email", "roster[1].email", "roster");
    }

    @Test
    void parse_whenServiceRole_expectRefusedAsNotAPersonsRole() {
        ObjectNode json = SeedConfigFixture.json();
        member(json, 2).withArray("roles").add("service");

        assertThat(errors(json)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("roster[2].roles[1]");
            assertThat(e.message()).contains("never a person's");
        });
    }

    @Test
    void parse_whenRolesBad_expectEachNamed() {
        ObjectNode json = SeedConfigFixture.json();
        member(json, 2).putArray("roles").add("ops").add("admin").add("ops").add(3);
        member(json, 1).putArray("roles");

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "roster[2].roles[1]", "roster[2].roles[2]", "roster[2].roles[3]", "roster[1].roles", "roster");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "ops@", "@example.com", "ops@example", "ops lead@example.com"})
    void parse_whenEmailMalformed_expectRefused(String email) {
        ObjectNode json = SeedConfigFixture.json();
        member(json, 2).put("email", email);

        assertThat(fields(json)).containsExactly("roster[2].email");
    }

    @Test
    void parse_whenSubBadOrRepeated_expectEachNamed() {
        ObjectNode json = SeedConfigFixture.json();
        member(json, 1).put("sub", "0b6f2a9e-1c1d-4c55-9d67-2f3e1f8a9b10");
        member(json, 2).put("sub", 42);
        ((ArrayNode) json.get("roster")).addObject().put("email", "dewi@example.com").putNull("sub").putArray("roles").add("ops");

        assertThat(fields(json)).containsExactlyInAnyOrder("roster[1].sub", "roster[2].sub", "roster[3].sub");
    }

    // ---- all at once

    @Test
    void parse_whenManyFieldsBad_expectEveryOneNamed() {
        ObjectNode json = SeedConfigFixture.json();
        network(json, 0).put("rpcSecretName", "https://eth-mainnet.g.alchemy.com/v2/abc123");
        ((ArrayNode) json.get("treasury")).addObject()
                .put("chain", "evm:8453").put("asset", "USDC").put("address", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
        split(json, "presale_success", 1).put("bps", 0);
        member(json, 0).putArray("roles").add("service");

        assertThat(fields(json)).containsExactlyInAnyOrder(
                "networks[0].rpcSecretName",
                "treasury[2].address",
                "feeRules.presale_success.splits[1].bps",
                "roster[0].roles[0]",
                "roster");
    }

    // ---- helpers

    static SeedConfig valid(ObjectNode json) {
        ConfigOutcome outcome = SeedConfigParser.parse(json);
        assertThat(outcome).isInstanceOf(ConfigOutcome.Valid.class);
        return ((ConfigOutcome.Valid) outcome).config();
    }

    private static List<FieldError> errors(String text) {
        ConfigOutcome outcome = SeedConfigParser.parse(text);
        assertThat(outcome).isInstanceOf(ConfigOutcome.Invalid.class);
        return ((ConfigOutcome.Invalid) outcome).errors();
    }

    private static List<FieldError> errors(ObjectNode json) {
        return errors(Json.write(json));
    }

    private static List<String> fields(ObjectNode json) {
        return errors(json).stream().map(FieldError::field).toList();
    }

    private static ObjectNode network(ObjectNode json, int index) {
        return (ObjectNode) json.get("networks").get(index);
    }

    private static ObjectNode wallet(ObjectNode json, int index) {
        return (ObjectNode) json.get("treasury").get(index);
    }

    private static ObjectNode rule(ObjectNode json, String id) {
        return (ObjectNode) json.get("feeRules").get(id);
    }

    private static ObjectNode split(ObjectNode json, String id, int index) {
        return (ObjectNode) rule(json, id).get("splits").get(index);
    }

    private static ObjectNode member(ObjectNode json, int index) {
        return (ObjectNode) json.get("roster").get(index);
    }
}
