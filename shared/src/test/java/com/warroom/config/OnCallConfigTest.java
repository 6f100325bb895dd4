package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.oncall.EscalationStep;
import com.warroom.oncall.OnCallArea;
import com.warroom.oncall.OnCallRotation;
import com.warroom.oncall.OnCallSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The config's on-call section: its rules, its rotations' boundaries, and {@code oncall.set}. */
class OnCallConfigTest {

    private static SeedConfig withOnCall() {
        return ((ConfigOutcome.Valid) SeedConfigParser.parse(SeedConfigFixture.withOnCall())).config();
    }

    @Test
    void parse_withOnCall_readsEveryRotationAndStepAndWritesThemBackTheSame() {
        SeedConfig config = withOnCall();

        OnCallSchedule onCall = config.onCall().orElseThrow();
        assertThat(onCall.zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(onCall.rotations()).hasSize(4);
        assertThat(onCall.escalation()).containsExactly(new EscalationStep(15, "backup"), new EscalationStep(30, "alice@example.com"));
        assertThat(SeedConfigParser.parse(SeedConfigJson.write(config))).isEqualTo(new ConfigOutcome.Valid(config));
        assertThat(SeedConfigParser.parseStored(SeedConfigJson.canonical(config))).isEqualTo(new ConfigOutcome.Valid(config));
    }

    @Test
    void parse_withoutOnCall_hasNoRoster() {
        assertThat(SeedConfigFixture.config().onCall()).isEmpty();
        assertThat(SeedConfigJson.write(SeedConfigFixture.config()).has("onCall")).isFalse();
    }

    @Test
    void rotationAt_aroundMidnightInTheRostersZone_changesHandsExactlyThen() {
        OnCallSchedule onCall = withOnCall().onCall().orElseThrow();
        // 2026-12-07 00:00 in Jakarta (UTC+7) is 2026-12-06 17:00 UTC
        Instant handOver = Instant.parse("2026-12-06T17:00:00Z");

        assertThat(onCall.rotationAt(OnCallArea.BACKEND, handOver.minusMillis(1))).map(OnCallRotation::primary).contains("dewi@example.com");
        assertThat(onCall.rotationAt(OnCallArea.BACKEND, handOver)).map(OnCallRotation::primary).contains("eko@example.com");
        assertThat(onCall.rotationAt(OnCallArea.BACKEND, Instant.parse("2027-06-01T00:00:00Z"))).map(OnCallRotation::primary)
                .contains("eko@example.com");
        // the first rotation starts at 2026-11-30 00:00 in Jakarta: 2026-11-29 17:00 UTC
        assertThat(onCall.rotationAt(OnCallArea.OPS, Instant.parse("2026-11-29T16:59:59Z"))).isEmpty();
        assertThat(onCall.rotationAt(OnCallArea.OPS, Instant.parse("2026-11-29T17:00:00Z"))).map(OnCallRotation::primary)
                .contains("citra@example.com");
        assertThat(onCall.uncoveredAt(Instant.parse("2026-11-29T16:59:59Z"))).containsExactly(OnCallArea.values());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown area|rotations[2].area|area→support|must be one of [backend, ops, finance]",
            "primary and backup the same|rotations[2].backup|backup→citra@example.com|is the primary",
            "not an email|rotations[2].primary|primary→citra|must be a lowercase email address",
            "to before from|rotations[0].to|to→2026-11-29|must be after from",
            "to equal to from|rotations[0].to|to→2026-11-30|must be after from",
            "a date that is not one|rotations[2].from|from→2026-13-01|is not a date",
            "an unknown field|rotations[2].note|note→hello|unknown field",
    })
    void parse_whenARotationIsBad_namesTheField(String why, String field, String edit, String message) {
        ObjectNode json = SeedConfigFixture.withOnCall();
        String[] change = edit.split("→");
        int index = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        ((ObjectNode) json.path("onCall").path("rotations").get(index)).put(change[0], change[1]);

        assertInvalid(json, "onCall." + field, message);
    }

    @Test
    void parse_whenRotationsOfAnAreaOverlap_refusesTheLaterOne() {
        ObjectNode json = SeedConfigFixture.withOnCall();
        ((ObjectNode) json.path("onCall").path("rotations").get(1)).put("from", "2026-12-06");

        assertInvalid(json, "onCall.rotations[1].from", "overlaps onCall.rotations[0]");
    }

    @Test
    void parse_whenAnOpenEndedRotationIsNotTheLast_refusesTheOneAfterIt() {
        ObjectNode json = SeedConfigFixture.withOnCall();
        ((ObjectNode) json.path("onCall").path("rotations").get(0)).remove("to");

        assertInvalid(json, "onCall.rotations[1].from", "no end");
    }

    @Test
    void parse_whenAnAreaHasNoRotation_saysWhich() {
        ObjectNode json = SeedConfigFixture.withOnCall();
        ((ArrayNode) json.path("onCall").path("rotations")).remove(3);

        assertInvalid(json, "onCall.rotations", "has no rotation for finance");
    }

    @Test
    void parse_whenEscalationStepsDoNotIncrease_refusesTheSecond() {
        edited(json -> ((ObjectNode) json.path("onCall").path("escalation").get(1)).put("afterMinutes", 15),
                "onCall.escalation[1].afterMinutes", "more than the step before");
        edited(json -> ((ObjectNode) json.path("onCall").path("escalation").get(0)).put("afterMinutes", 0),
                "onCall.escalation[0].afterMinutes", "from 1 to 1440");
        edited(json -> ((ObjectNode) json.path("onCall").path("escalation").get(1)).put("call", "the boss"),
                "onCall.escalation[1].call", "\"backup\" or a person's email");
        edited(json -> ((ObjectNode) json.path("onCall")).putArray("escalation"), "onCall.escalation", "1 to 10 steps");
        edited(json -> ((ObjectNode) json.path("onCall")).put("timeZone", "Mars/Olympus"), "onCall.timeZone", "not a time zone");
        edited(json -> ((ObjectNode) json.path("onCall")).put("rotations", "none"), "onCall.rotations", "must be a JSON array");
    }

    private static void edited(Consumer<ObjectNode> edit, String field, String message) {
        ObjectNode json = SeedConfigFixture.withOnCall();
        edit.accept(json);
        assertInvalid(json, field, message);
    }

    private static void assertInvalid(JsonNode json, String field, String message) {
        assertThat(SeedConfigParser.parse(json)).isInstanceOfSatisfying(ConfigOutcome.Invalid.class, invalid ->
                assertThat(invalid.errors()).anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.message()).contains(message);
                }));
    }

    // ---- oncall.set

    @Test
    void change_whenOnCallSet_expectTheNextVersionWithOnlyTheRosterChanged() {
        SeedConfig current = SeedConfigFixture.config();
        ParsedChange parsed = ConfigChangeParser.parse("oncall.set", payload(SeedConfigFixture.ON_CALL), current, SeedConfigFixture.NOW);

        ConfigChange change = ((ParsedChange.Valid) parsed).change();
        SeedConfig next = ((ConfigOutcome.Valid) change.applyTo(current)).config();
        assertThat(change.kind()).isEqualTo("oncall.set");
        assertThat(next.version()).isEqualTo(current.version() + 1);
        assertThat(next.onCall()).isEqualTo(withOnCall().onCall());
        assertThat(next.withVersion(current.version()).treasury()).isEqualTo(current.treasury());
        assertThat(ConfigChangeParser.parse(change.kind(), Json.readTree(change.canonicalPayload()), current, SeedConfigFixture.NOW))
                .isEqualTo(parsed);
    }

    @Test
    void change_whenAnotherKindIsApplied_keepsTheOnCallRoster() {
        SeedConfig current = withOnCall();
        ParsedChange parsed = ConfigChangeParser.parse("exp_rewards.set",
                Json.readTree("{\"expRewards\": {\"CRITICAL\": 1, \"HIGH\": 1, \"MEDIUM\": 1, \"LOW\": 1}}"), current, SeedConfigFixture.NOW);

        SeedConfig next = ((ConfigOutcome.Valid) ((ParsedChange.Valid) parsed).change().applyTo(current)).config();
        assertThat(next.onCall()).isEqualTo(current.onCall());
    }

    @Test
    void change_whenNoRotationCoversTheTimeOfTheCheck_isRefused() {
        Instant beforeEveryRotation = Instant.parse("2026-11-01T00:00:00Z");

        ParsedChange parsed = ConfigChangeParser.parse("oncall.set", payload(SeedConfigFixture.ON_CALL), SeedConfigFixture.config(),
                beforeEveryRotation);

        assertThat(parsed).isInstanceOfSatisfying(ParsedChange.Invalid.class, invalid -> assertThat(invalid.errors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("payload.onCall.rotations");
                    assertThat(error.message()).contains("[backend, ops, finance]");
                }));
    }

    @Test
    void change_whenThePayloadIsBad_namesTheField() {
        SeedConfig current = SeedConfigFixture.config();

        assertThat(ConfigChangeParser.parse("oncall.set", Json.readTree("{}"), current, SeedConfigFixture.NOW))
                .isEqualTo(new ParsedChange.Invalid(List.of(new FieldError("payload.onCall", "is required"))));
        assertThat(ConfigChangeParser.parse("oncall.set", Json.readTree("{\"onCall\": {}, \"x\": 1}"), current, SeedConfigFixture.NOW))
                .isInstanceOfSatisfying(ParsedChange.Invalid.class, invalid -> assertThat(invalid.errors()).extracting(FieldError::field)
                        .contains("payload.x", "payload.onCall.timeZone", "payload.onCall.rotations", "payload.onCall.escalation"));
    }

    @Test
    void rotation_withTheSamePersonTwice_cannotBeMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OnCallRotation(OnCallArea.OPS, "a@example.com", "A@example.com",
                LocalDate.parse("2026-12-01"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode payload(String onCall) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.set("onCall", Json.readTree(onCall));
        return payload;
    }
}
