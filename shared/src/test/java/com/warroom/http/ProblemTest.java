package com.warroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problem details as RFC 9457 writes them, extension members included. */
class ProblemTest {

    @Test
    void write_withExtensionMembers_putsThemNextToTheStandardOnes() {
        Problem problem = Problem.of(403, "flow-disabled", "Flow disabled", "payouts are stopped")
                .with("rule", "flag:payout@global")
                .with("blockedBy", Map.of("flag", "payout"));

        JsonNode json = Json.readTree(Json.write(problem));

        assertThat(json.path("type").asText()).isEqualTo("https://warroom.dev/problems/flow-disabled");
        assertThat(json.path("status").asInt()).isEqualTo(403);
        assertThat(json.path("rule").asText()).isEqualTo("flag:payout@global");
        assertThat(json.path("blockedBy").path("flag").asText()).isEqualTo("payout");
        assertThat(json.has("extensions")).isFalse();
        assertThat(json.has("extensionMembers")).isFalse();
    }

    @Test
    void write_withoutExtensionMembers_isAsBefore() {
        JsonNode json = Json.readTree(Json.write(Problem.invalidField("amount", "is required")));

        assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactly("type", "title", "status", "detail", "errors");
    }

    @Test
    void with_aStandardMembersName_isRefused() {
        assertThatThrownBy(() -> Problem.notFound("x").with("status", 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_keepsTheProblemAsItWas() {
        Problem plain = new Problem("t", "x", 400, "d", List.of(new FieldError("f", "m")));

        Problem extended = plain.with("rule", "r");

        assertThat(plain.extensions()).isEmpty();
        assertThat(extended.errors()).isEqualTo(plain.errors());
        assertThat(extended.extensions()).containsEntry("rule", "r");
    }
}
