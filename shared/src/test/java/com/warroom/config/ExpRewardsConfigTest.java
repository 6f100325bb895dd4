package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.support.TicketPriority;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EXP a fixed bug earns per ticket priority: in the seed, read strictly, written canonically, changed by exp_rewards.set. */
class ExpRewardsConfigTest {

    private static final Path SEED = Path.of("..", "config", "seed-v1.json");

    @Test
    void load_whenShippedSeed_expectTheLaunchRewards() {
        SeedConfig seed = ((ConfigOutcome.Valid) SeedConfigParser.load(SEED)).config();

        assertThat(seed.expRewards()).containsExactly(Map.entry(TicketPriority.CRITICAL, 500L), Map.entry(TicketPriority.HIGH, 200L),
                Map.entry(TicketPriority.MEDIUM, 100L), Map.entry(TicketPriority.LOW, 50L));
        assertThat(seed.expReward(TicketPriority.HIGH)).isEqualTo(200);
    }

    @Test
    void parse_whenAPriorityIsMissing_expectItNamed() {
        ObjectNode json = SeedConfigFixture.json();
        rewards(json).remove("MEDIUM");

        assertThat(errors(json)).extracting(FieldError::field).containsExactly("expRewards.MEDIUM");
    }

    @Test
    void parse_whenEveryPriorityIsMissing_expectEachNamed() {
        ObjectNode json = SeedConfigFixture.json();
        json.putObject("expRewards");

        assertThat(errors(json)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("expRewards.CRITICAL", "expRewards.HIGH", "expRewards.MEDIUM", "expRewards.LOW");
    }

    @Test
    void parse_whenAnUnknownPriority_expectItNamed() {
        ObjectNode json = SeedConfigFixture.json();
        rewards(json).put("URGENT", 900);
        rewards(json).put("low", 5);

        assertThat(errors(json)).extracting(FieldError::field).containsExactlyInAnyOrder("expRewards.URGENT", "expRewards.low");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-50", "50.5", "\"50\"", "true", "null", "1000001", "99999999999999999999", "{}"})
    void parse_whenAnAmountIsNotAWholePositiveNumberUpToTheCap_expectItNamed(String value) {
        ObjectNode json = SeedConfigFixture.json();
        rewards(json).set("LOW", Json.readTree(value));

        assertThat(errors(json)).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("expRewards.LOW"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "500", "\"CRITICAL=500\"", "null"})
    void parse_whenNotAnObject_expectExpRewardsNamed(String value) {
        ObjectNode json = SeedConfigFixture.json();
        json.set("expRewards", Json.readTree(value));

        assertThat(errors(json)).extracting(FieldError::field).containsExactly("expRewards");
    }

    @Test
    void parse_whenTheCapAndOne_expectValid() {
        ObjectNode json = SeedConfigFixture.json();
        rewards(json).put("CRITICAL", SeedConfig.MAX_EXP_REWARD);
        rewards(json).put("LOW", 1);

        SeedConfig config = ((ConfigOutcome.Valid) SeedConfigParser.parse(json)).config();
        assertThat(config.expReward(TicketPriority.CRITICAL)).isEqualTo(SeedConfig.MAX_EXP_REWARD);
        assertThat(config.expReward(TicketPriority.LOW)).isEqualTo(1);
    }

    @Test
    void canonical_whenPrioritiesInAnyOrder_expectTheSameTextAndHash() {
        ObjectNode reordered = SeedConfigFixture.json();
        reordered.set("expRewards", Json.readTree("{\"LOW\": 50, \"HIGH\": 200, \"CRITICAL\": 500, \"MEDIUM\": 100}"));
        SeedConfig config = ((ConfigOutcome.Valid) SeedConfigParser.parse(reordered)).config();

        assertThat(SeedConfigJson.canonical(config)).isEqualTo(SeedConfigJson.canonical(SeedConfigFixture.config()))
                .contains("\"expRewards\":{\"CRITICAL\":500,\"HIGH\":200,\"LOW\":50,\"MEDIUM\":100}");
        assertThat(SeedConfigParser.parse(SeedConfigJson.write(config))).isEqualTo(new ConfigOutcome.Valid(config));
    }

    @Test
    void config_whenBuiltWithoutAPriority_expectRefused() {
        SeedConfig fixture = SeedConfigFixture.config();
        Map<TicketPriority, Long> partial = new EnumMap<>(fixture.expRewards());
        partial.remove(TicketPriority.LOW);

        assertThatThrownBy(() -> new SeedConfig(1, fixture.networks(), fixture.treasury(), fixture.feeRules(), fixture.roster(), partial,
                java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOW");
    }

    // ---- a config stored before EXP rewards existed

    @Test
    void parseStored_whenASnapshotPredatesExpRewards_expectItReadWithNone_andAskingForARateSaysWhatToDo() {
        ObjectNode json = SeedConfigFixture.json();
        json.remove("expRewards");

        assertThat(errors(json)).as("a seed file must set them").extracting(FieldError::field).containsExactly("expRewards");
        SeedConfig stored = ((ConfigOutcome.Valid) SeedConfigParser.parseStored(json.toString())).config();
        assertThat(stored.expRewards()).isEmpty();
        assertThat(SeedConfigJson.write(stored).has("expRewards")).isFalse();
        assertThatThrownBy(() -> stored.expReward(TicketPriority.HIGH)).isInstanceOf(IllegalStateException.class)
                .hasMessage("config v1 sets no EXP rewards (it was stored before they existed): request an exp_rewards.set change");
    }

    @Test
    void parseStored_whenExpRewardsArePresentButBad_expectRefusedAsAnyStoredRule() {
        ObjectNode json = SeedConfigFixture.json();
        rewards(json).put("LOW", 0);

        assertThat(SeedConfigParser.parseStored(json.toString())).isInstanceOfSatisfying(ConfigOutcome.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("expRewards.LOW"));
    }

    @Test
    void change_onAConfigStoredBeforeExpRewards_expRewardsSetApplies_andAnyOtherChangeFirstNeedsThem() {
        ObjectNode json = SeedConfigFixture.json();
        json.remove("expRewards");
        SeedConfig stored = ((ConfigOutcome.Valid) SeedConfigParser.parseStored(json.toString())).config();

        ParsedChange set = ConfigChangeParser.parse("exp_rewards.set",
                Json.readTree("{\"expRewards\": {\"CRITICAL\": 500, \"HIGH\": 200, \"MEDIUM\": 100, \"LOW\": 50}}"), stored, SeedConfigFixture.NOW);
        SeedConfig next = ((ConfigOutcome.Valid) ((ParsedChange.Valid) set).change().applyTo(stored)).config();
        assertThat(next.expReward(TicketPriority.LOW)).isEqualTo(50);
        assertThat(next.version()).isEqualTo(2);

        ParsedChange other = ConfigChangeParser.parse("treasury.set", Json.readTree(
                "{\"chain\": \"evm:8453\", \"asset\": \"USDC\", \"address\": \"" + SeedConfigFixture.OTHER_EVM_ADDRESS + "\"}"), stored, SeedConfigFixture.NOW);
        assertThat(other).isInstanceOfSatisfying(ParsedChange.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("expRewards"));
    }

    // ---- exp_rewards.set

    @Test
    void change_whenExpRewardsSet_expectTheNextVersionWithOnlyTheRewardsChanged() {
        SeedConfig current = SeedConfigFixture.config();
        ParsedChange parsed = ConfigChangeParser.parse("exp_rewards.set",
                Json.readTree("{\"expRewards\": {\"CRITICAL\": 1000, \"HIGH\": 400, \"MEDIUM\": 100, \"LOW\": 25}}"), current, SeedConfigFixture.NOW);

        ConfigChange change = ((ParsedChange.Valid) parsed).change();
        assertThat(change.kind()).isEqualTo("exp_rewards.set");
        assertThat(change.canonicalPayload()).isEqualTo("{\"expRewards\":{\"CRITICAL\":1000,\"HIGH\":400,\"LOW\":25,\"MEDIUM\":100}}");
        SeedConfig next = ((ConfigOutcome.Valid) change.applyTo(current)).config();
        assertThat(next.version()).isEqualTo(current.version() + 1);
        assertThat(next.expRewards()).containsExactly(Map.entry(TicketPriority.CRITICAL, 1000L), Map.entry(TicketPriority.HIGH, 400L),
                Map.entry(TicketPriority.MEDIUM, 100L), Map.entry(TicketPriority.LOW, 25L));
        assertThat(next.feeRules()).isEqualTo(current.feeRules());
        assertThat(next.roster()).isEqualTo(current.roster());
        assertThat(next.treasury()).isEqualTo(current.treasury());
    }

    @Test
    void change_whenExpRewardsSetToWhatIsInForce_expectRefusedAsChangingNothing() {
        assertThat(invalid("{\"expRewards\": {\"CRITICAL\": 500, \"HIGH\": 200, \"MEDIUM\": 100, \"LOW\": 50}}"))
                .containsExactly(new FieldError("payload", "changes nothing: the config already says this"));
    }

    @Test
    void change_whenExpRewardsSetBadly_expectEveryBadFieldNamedUnderPayload() {
        assertThat(invalid("{\"expRewards\": {\"CRITICAL\": 0, \"HIGH\": \"200\", \"LOW\": 2000000, \"SOON\": 1}, \"note\": 1}"))
                .extracting(FieldError::field).containsExactlyInAnyOrder("payload.note", "payload.expRewards.SOON",
                        "payload.expRewards.CRITICAL", "payload.expRewards.HIGH", "payload.expRewards.MEDIUM", "payload.expRewards.LOW");
    }

    @Test
    void change_whenExpRewardsMissingOrNotAnObject_expectNamed() {
        assertThat(invalid("{}")).extracting(FieldError::field).containsExactly("payload.expRewards");
        assertThat(invalid("{\"expRewards\": [500, 200, 100, 50]}")).extracting(FieldError::field).containsExactly("payload.expRewards");
        assertThat(ConfigChangeParser.parse("exp_rewards.set", Json.readTree("[]"), SeedConfigFixture.config(), SeedConfigFixture.NOW))
                .isInstanceOfSatisfying(ParsedChange.Invalid.class,
                        i -> assertThat(i.errors()).extracting(FieldError::field).containsExactly("payload"));
    }

    @Test
    void kinds_expectExpRewardsSetListed() {
        assertThat(ConfigChange.KINDS).contains("exp_rewards.set");
    }

    private static List<FieldError> invalid(String payload) {
        ParsedChange parsed = ConfigChangeParser.parse("exp_rewards.set", Json.readTree(payload), SeedConfigFixture.config(), SeedConfigFixture.NOW);
        assertThat(parsed).isInstanceOf(ParsedChange.Invalid.class);
        return ((ParsedChange.Invalid) parsed).errors();
    }

    private static ObjectNode rewards(ObjectNode json) {
        return (ObjectNode) json.get("expRewards");
    }

    private static List<FieldError> errors(ObjectNode json) {
        ConfigOutcome outcome = SeedConfigParser.parse(json);
        assertThat(outcome).isInstanceOf(ConfigOutcome.Invalid.class);
        return ((ConfigOutcome.Invalid) outcome).errors();
    }
}
