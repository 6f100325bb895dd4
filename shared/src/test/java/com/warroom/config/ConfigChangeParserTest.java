package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.topology.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigChangeParserTest {

    private final SeedConfig current = SeedConfigFixture.config();

    // ---- treasury.set

    @Test
    void parse_whenTreasurySetForANewAsset_expectAppendedAtTheNextVersion() {
        ConfigChange change = valid("treasury.set", """
                {"chain": "evm:8453", "asset": "USDC", "address": "%s"}""".formatted(SeedConfigFixture.OTHER_EVM_ADDRESS));

        SeedConfig next = applied(change, current);
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.treasury()).hasSize(3);
        assertThat(next.treasuryWallet(new Chain.Evm(8453), "USDC")).contains(
                new TreasuryWallet(new Chain.Evm(8453), "USDC", SeedConfigFixture.OTHER_EVM_ADDRESS));
        assertThat(next.networks()).isEqualTo(current.networks());
    }

    @Test
    void parse_whenTreasurySetForAnExistingAsset_expectReplacedInPlace() {
        ConfigChange change = valid("treasury.set", """
                {"chain": "evm:1", "asset": "USDC", "address": "%s"}""".formatted(SeedConfigFixture.OTHER_EVM_ADDRESS));

        SeedConfig next = applied(change, current);
        assertThat(next.treasury()).hasSize(2);
        assertThat(next.treasury().get(0).address()).isEqualTo(SeedConfigFixture.OTHER_EVM_ADDRESS);
    }

    @Test
    void parse_whenTreasurySetOnUnsupportedChainWithBadAddress_expectBothNamed() {
        List<FieldError> errors = invalid("treasury.set", """
                {"chain": "evm:56", "asset": "USDT", "address": "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}""");

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("payload.chain", "payload.address");
    }

    @Test
    void parse_whenTreasurySetRepeatsTheCurrentWallet_expectRefusedAsChangingNothing() {
        assertThat(invalid("treasury.set", """
                {"chain": "evm:1", "asset": "USDC", "address": "%s"}""".formatted(SeedConfigFixture.EVM_ADDRESS)))
                .containsExactly(new FieldError("payload", "changes nothing: the config already says this"));
    }

    // ---- network.upsert / network.remove

    @Test
    void parse_whenNetworkUpsertNewChain_expectAppended() {
        ConfigChange change = valid("network.upsert", """
                {"chain": "evm:56", "name": "BNB Smart Chain", "rpcSecretName": "warroom/rpc/evm-56", "nativeAsset": "BNB"}""");

        assertThat(applied(change, current).networks()).extracting(n -> n.chain().key())
                .containsExactly("evm:1", "evm:8453", "solana", "evm:56");
    }

    @Test
    void parse_whenNetworkUpsertExistingChain_expectReplacedInPlace() {
        ConfigChange change = valid("network.upsert", """
                {"chain": "evm:8453", "name": "Base mainnet", "rpcSecretName": "warroom/rpc/base-2", "nativeAsset": "ETH"}""");

        SeedConfig next = applied(change, current);
        assertThat(next.networks()).hasSize(3);
        assertThat(next.networks().get(1)).isEqualTo(
                new Network(new Chain.Evm(8453), "Base mainnet", "warroom/rpc/base-2", "ETH"));
    }

    @Test
    void parse_whenNetworkUpsertCarriesAnEndpointUrl_expectRefused() {
        assertThat(invalid("network.upsert", """
                {"chain": "evm:56", "name": "BNB", "rpcSecretName": "https://bsc-dataseed.binance.org", "nativeAsset": "BNB"}"""))
                .extracting(FieldError::field).containsExactly("payload.rpcSecretName");
    }

    @Test
    void parse_whenNetworkRemoveWhileTreasuryUsesIt_expectRefused() {
        assertThat(invalid("network.remove", "{\"chain\": \"evm:1\"}")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("payload.chain");
            assertThat(e.message()).contains("USDC").contains("treasury");
        });
    }

    @Test
    void parse_whenNetworkRemoveWithoutTreasury_expectRemoved() {
        ConfigChange change = valid("network.remove", "{\"chain\": \"evm:8453\"}");

        assertThat(applied(change, current).networks()).extracting(n -> n.chain().key()).containsExactly("evm:1", "solana");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"chain\": \"evm:56\"}", "{\"chain\": \"evm:056\"}", "{}", "{\"chain\": \"solana\", \"force\": true}"})
    void parse_whenNetworkRemovePayloadBad_expectRefused(String payload) {
        assertThat(invalid("network.remove", payload)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.field()).startsWith("payload"));
    }

    // ---- fee_rule.set

    @Test
    void parse_whenFeeRuleSet_expectTheRuleReplaced() {
        ConfigChange change = valid("fee_rule.set", """
                {"id": "bonding_swap", "rule": {"kind": "percentage", "rateBps": 100,
                  "splits": [{"to": "treasury", "bps": 6000}, {"to": "creator", "bps": 4000}]}}""");

        assertThat(applied(change, current).feeRule("bonding_swap")).contains(new FeeRule.Percentage(100, List.of(
                new FeeSplit(FeeRecipient.TREASURY, 6000), new FeeSplit(FeeRecipient.CREATOR, 4000))));
    }

    @Test
    void parse_whenFeeRuleSetIsBad_expectEveryFieldNamedUnderPayload() {
        List<FieldError> errors = invalid("fee_rule.set", """
                {"id": "Bonding Swap", "rule": {"kind": "percentage", "rateBps": 150,
                  "splits": [{"to": "treasury", "bps": 5000}, {"to": "creator", "bps": 0}]}}""");

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("payload.id", "payload.rule.splits[1].bps");
    }

    // ---- roster.set

    @Test
    void parse_whenRosterSetKeepsTwoSuperAdmins_expectTheNewRoster() {
        ConfigChange change = valid("roster.set", """
                {"roster": [{"email": "alice@example.com", "roles": ["super_admin"]},
                            {"email": "citra@example.com", "roles": ["super_admin", "ops"]}]}""");

        SeedConfig next = applied(change, current);
        assertThat(next.roster()).extracting(RosterMember::email).containsExactly("alice@example.com", "citra@example.com");
        assertThat(next.count(Role.SUPER_ADMIN)).isEqualTo(2);
    }

    @Test
    void parse_whenRosterSetLeavesOneSuperAdmin_expectRefused() {
        assertThat(invalid("roster.set", """
                {"roster": [{"email": "alice@example.com", "roles": ["super_admin"]},
                            {"email": "citra@example.com", "roles": ["ops", "service"]}]}"""))
                .extracting(FieldError::field).containsExactlyInAnyOrder("payload.roster", "payload.roster[1].roles[1]");
    }

    // ---- kind and payload

    @Test
    void parse_whenKindUnknownOrMissing_expectKindNamed() {
        assertThat(ConfigChangeParser.parse("treasury.remove", Json.readTree("{}"), current, SeedConfigFixture.NOW))
                .isEqualTo(new ParsedChange.Invalid(List.of(new FieldError("kind", "must be one of " + ConfigChange.KINDS))));
        assertThat(ConfigChangeParser.parse(null, Json.readTree("{}"), current, SeedConfigFixture.NOW)).isInstanceOf(ParsedChange.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"treasury.set", "network.upsert", "network.remove", "fee_rule.set", "roster.set"})
    void parse_whenPayloadNotAnObject_expectPayloadNamed(String kind) {
        assertThat(invalid(kind, "[]")).containsExactly(new FieldError("payload", "must be a JSON object"));
        assertThat(ConfigChangeParser.parse(kind, null, current, SeedConfigFixture.NOW))
                .isEqualTo(new ParsedChange.Invalid(List.of(new FieldError("payload", "is required"))));
    }

    @Test
    void parse_whenPayloadHasUnknownField_expectItNamed() {
        assertThat(invalid("treasury.set", """
                {"chain": "evm:8453", "asset": "USDC", "address": "%s", "note": "x"}""".formatted(SeedConfigFixture.OTHER_EVM_ADDRESS)))
                .extracting(FieldError::field).containsExactly("payload.note");
    }

    // ---- canonical payload and applying later

    @Test
    void canonicalPayload_whenSameChangeWrittenDifferently_expectTheSameText() {
        ConfigChange a = valid("fee_rule.set", """
                {"id": "blue_check", "rule": {"kind": "flat", "amount": {"currency": "USD", "minor": 1500},
                  "splits": [{"to": "treasury", "bps": 7000}, {"to": "referral", "bps": 3000}]}}""");
        ConfigChange b = valid("fee_rule.set", """
                {"rule":{"splits":[{"bps":7000,"to":"treasury"},{"bps":3000,"to":"referral"}],
                 "amount":{"minor":1500,"currency":"USD"},"kind":"flat"},"id":"blue_check"}""");

        assertThat(a.canonicalPayload()).isEqualTo(b.canonicalPayload()).isEqualTo(
                "{\"id\":\"blue_check\",\"rule\":{\"amount\":{\"currency\":\"USD\",\"minor\":1500},\"kind\":\"flat\","
                        + "\"splits\":[{\"bps\":7000,\"to\":\"treasury\"},{\"bps\":3000,\"to\":\"referral\"}]}}");
    }

    @Test
    void parse_whenStoredCanonicalPayloadIsReadAgain_expectTheSameChange() {
        ConfigChange change = valid("roster.set", """
                {"roster": [{"email": "alice@example.com", "sub": "s-1", "roles": ["ops", "super_admin"]},
                            {"email": "bima@example.com", "roles": ["super_admin"]}]}""");

        ParsedChange again = ConfigChangeParser.parse(change.kind(), Json.readTree(change.canonicalPayload()), current, SeedConfigFixture.NOW);

        assertThat(again).isEqualTo(new ParsedChange.Valid(change));
    }

    @Test
    void applyTo_whenConfigChangedSinceTheRequest_expectCheckedAgainstTheNewConfig() {
        ConfigChange addWallet = valid("treasury.set", """
                {"chain": "evm:8453", "asset": "USDC", "address": "%s"}""".formatted(SeedConfigFixture.OTHER_EVM_ADDRESS));
        SeedConfig withoutBase = applied(valid("network.remove", "{\"chain\": \"evm:8453\"}"), current);

        assertThat(addWallet.applyTo(withoutBase)).isEqualTo(new ConfigOutcome.Invalid(List.of(
                new FieldError("payload.chain", "evm:8453 is not a supported network"))));
    }

    @Test
    void applyTo_whenAppliedTwice_expectTheVersionBumpsEachTime() {
        SeedConfig v2 = applied(valid("network.remove", "{\"chain\": \"evm:8453\"}"), current);
        ConfigChange addBack = ((ParsedChange.Valid) ConfigChangeParser.parse("network.upsert", Json.readTree("""
                {"chain": "evm:8453", "name": "Base", "rpcSecretName": "warroom/rpc/evm-8453", "nativeAsset": "ETH"}"""), v2, SeedConfigFixture.NOW)).change();

        SeedConfig v3 = applied(addBack, v2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(SeedConfigParser.parse(SeedConfigJson.write(v3))).isEqualTo(new ConfigOutcome.Valid(v3));
    }

    // ---- helpers

    private ConfigChange valid(String kind, String payload) {
        ParsedChange parsed = ConfigChangeParser.parse(kind, Json.readTree(payload), current, SeedConfigFixture.NOW);
        assertThat(parsed).isInstanceOf(ParsedChange.Valid.class);
        ConfigChange change = ((ParsedChange.Valid) parsed).change();
        assertThat(change.kind()).isEqualTo(kind);
        return change;
    }

    private List<FieldError> invalid(String kind, String payload) {
        JsonNode tree = Json.readTree(payload);
        ParsedChange parsed = ConfigChangeParser.parse(kind, tree, current, SeedConfigFixture.NOW);
        assertThat(parsed).isInstanceOf(ParsedChange.Invalid.class);
        return ((ParsedChange.Invalid) parsed).errors();
    }

    private static SeedConfig applied(ConfigChange change, SeedConfig config) {
        ConfigOutcome outcome = change.applyTo(config);
        assertThat(outcome).isInstanceOf(ConfigOutcome.Valid.class);
        SeedConfig next = ((ConfigOutcome.Valid) outcome).config();
        assertThat(next.version()).isEqualTo(config.version() + 1);
        return next;
    }
}
