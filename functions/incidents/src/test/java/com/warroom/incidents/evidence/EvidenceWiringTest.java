package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.FunctionDef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The collector a handler's no-arg constructor builds, from the settings the topology sets (here the embedded stack's). */
@ExtendWith(EmbeddedStackExtension.class)
class EvidenceWiringTest {

    @AfterEach
    void clear() {
        System.clearProperty(FunctionDef.LOCAL_LOG_DIR_ENV);
    }

    @Test
    void fromEnvironment_withTheRunnersLogFolder_searchesItsFiles(EmbeddedStack stack, @TempDir Path logs) throws Exception {
        String orderId = EvidenceWorld.fresh("ord");
        new EvidenceWorld(stack).paidOrder(orderId, EvidenceWorld.fresh("u"), Duration.ofHours(1));
        Instant logged = Instant.now().minus(Duration.ofMinutes(1));
        Files.write(logs.resolve("functions.log"), List.of("{\"timestamp\":\"" + logged + "\",\"message\":\"paid " + orderId + "\"}"),
                StandardCharsets.UTF_8);
        System.setProperty(FunctionDef.LOCAL_LOG_DIR_ENV, logs.toString());
        EvidenceCollector collector = EvidenceWiring.fromEnvironment();
        EvidenceRequest request = new EvidenceRequest(List.of(orderId), List.of(), List.of(), List.of(), List.of(), List.of(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofMinutes(1)));

        Evidence evidence = collector.collect(EvidenceWorld.fresh("inc"), request, "ops-alice");

        JsonNode bundle = Json.readTree(new String(collector.read(incidentOf(evidence), evidence.evidenceId()).orElseThrow(),
                StandardCharsets.UTF_8));
        assertThat(bundle.path("logs").path("source").asText()).isEqualTo("local-files");
        assertThat(evidence.counts()).containsEntry("orders", 1).containsEntry("logLines", 1);
    }

    @Test
    void fromEnvironment_withNoLogsConfigured_saysSoInTheBundle(EmbeddedStack stack) {
        String orderId = EvidenceWorld.fresh("ord");
        new EvidenceWorld(stack).paidOrder(orderId, EvidenceWorld.fresh("u"), Duration.ofHours(1));
        EvidenceCollector collector = EvidenceWiring.fromEnvironment();
        EvidenceRequest request = new EvidenceRequest(List.of(orderId), List.of(), List.of(), List.of(), List.of(), List.of(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now());

        Evidence evidence = collector.collect(EvidenceWorld.fresh("inc"), request, "ops-alice");

        JsonNode bundle = Json.readTree(new String(collector.read(incidentOf(evidence), evidence.evidenceId()).orElseThrow(),
                StandardCharsets.UTF_8));
        assertThat(bundle.path("logs").path("source").asText()).isEqualTo("none");
        assertThat(bundle.path("logs").path("status").asText()).contains("WARROOM_LOG_GROUPS");
    }

    // s3://bucket/incidents/<incidentId>/<evidenceId>.json
    private static String incidentOf(Evidence evidence) {
        String[] parts = evidence.location().split("/");
        return parts[parts.length - 2];
    }
}
