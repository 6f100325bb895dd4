package com.warroom.incidents;

import static com.warroom.incidents.IncidentWorld.COMMUNICATION;
import static com.warroom.incidents.IncidentWorld.NOTES;
import static com.warroom.incidents.IncidentWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status updates: filled in from the incident, in Indonesian and English for users, and never a technical detail
 * even when the incident's free text is full of them (table names, stack traces, wallet addresses, component internals).
 */
@ExtendWith(EmbeddedStackExtension.class)
class CommunicationTest {

    private static final List<String> TECHNICAL = List.of("warroom-orders", "orders table", "NullPointerException", "at com.", ".java:",
            "0x52908400098527886E0F7030069857D2E4169EE7", "idempotency", "DynamoDB", "Lambda", "webhook-intake", "payment-events",
            "stack", "payout-worker", "ord-");
    private static IncidentWorld world;

    @BeforeAll
    static void start(EmbeddedStack stack) {
        world = new IncidentWorld(stack);
    }

    @Test
    void communication_ofAnIncidentFullOfTechnicalText_namesNoneOfIt_inAnyLanguage() {
        String body = Json.write(Map.of("title", "DynamoDB throttling on warroom-orders table: NullPointerException at com.warroom.X.java:42",
                "severity", "P1", "components", List.of("access", "payment"), "detectedBy", "ticket",
                "firstSeenAt", world.clock.instant().minusSeconds(900).toString(),
                "impact", Map.of("usersAffected", 37, "description", "wallet 0x52908400098527886E0F7030069857D2E4169EE7 stack trace in "
                        + "payout-worker Lambda, webhook-intake idempotency, payment-events ord-123")));
        String id = ok(world.ops(IncidentWorld.DECLARE, null, body), 201).path("incidentId").asText();
        ok(world.ops(NOTES, id, "{\"text\":\"java.lang.NullPointerException at com.warroom.payments.Foo.java:12 table warroom-orders\"}"), 201);

        for (String status : List.of("DETECTED", "CONTAINED", "RESOLVED")) {
            world.moveTo(id, status);
            JsonNode updates = ok(world.ops(COMMUNICATION, id, null), 200);
            String internal = updates.path("internal").asText();
            String indonesian = updates.path("user").path("id").asText();
            String english = updates.path("user").path("en").asText();

            for (String text : List.of(internal, indonesian, english)) {
                for (String detail : TECHNICAL) {
                    assertThat(text).as(status + ": " + text).doesNotContainIgnoringCase(detail);
                }
            }
            assertThat(internal).contains(id, "P1", status, "37 users", "course access", "payments");
            assertThat(english).contains("course access and payments").doesNotContain(id);
            assertThat(indonesian).contains("akses kursus dan pembayaran").doesNotContain(id);
            switch (status) {
                case "DETECTED" -> {
                    assertThat(english).contains("We are aware of a problem");
                    assertThat(indonesian).contains("Kami mengetahui adanya gangguan");
                }
                case "CONTAINED" -> {
                    assertThat(english).contains("has been contained");
                    assertThat(indonesian).contains("sudah dikendalikan");
                }
                default -> {
                    assertThat(english).contains("has been resolved");
                    assertThat(indonesian).contains("sudah teratasi");
                }
            }
        }
    }
}
