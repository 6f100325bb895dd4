package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import org.junit.jupiter.api.Test;

class SeedConfigJsonTest {

    @Test
    void write_whenValidConfig_expectTheSameJsonItWasReadFrom() {
        ObjectNode json = SeedConfigFixture.json();

        // compared as text: AssertJ would compare two JsonNodes as ordered iterables
        assertThat(Json.canonical(SeedConfigJson.write(SeedConfigFixture.config()))).isEqualTo(Json.canonical(json));
    }

    @Test
    void canonical_whenSameConfigWrittenInAnotherKeyOrder_expectTheSameText() {
        String reordered = """
                {"expRewards": {"LOW": 50, "MEDIUM": 100, "HIGH": 200, "CRITICAL": 500},
                 "roster": %s, "feeRules": %s, "treasury": %s, "networks": %s, "version": 1}
                """.formatted(SeedConfigFixture.json().get("roster"), SeedConfigFixture.json().get("feeRules"),
                SeedConfigFixture.json().get("treasury"), SeedConfigFixture.json().get("networks"));
        SeedConfig config = ((ConfigOutcome.Valid) SeedConfigParser.parse(reordered)).config();

        assertThat(SeedConfigJson.canonical(config)).isEqualTo(SeedConfigJson.canonical(SeedConfigFixture.config()));
        assertThat(SeedConfigJson.canonical(config)).startsWith("{\"expRewards\":{\"CRITICAL\":500,\"HIGH\":200,\"LOW\":50,\"MEDIUM\":100},"
                + "\"feeRules\":{\"blue_check\":{\"amount\":{\"currency\":\"USD\"");
        assertThat(SeedConfigJson.canonical(config)).isEqualTo(Json.canonical(SeedConfigJson.write(config)));
    }
}
