package com.warroom.audit.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.topology.Topology;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event in events/integrity-anchor/ (what EventBridge Scheduler delivers: the schedule's fixed input {@code {}}),
 * fed to the handler as Lambda builds it (no-arg constructor, settings from the environment), twice.
 */
@ExtendWith(EmbeddedStackExtension.class)
class IntegrityAnchorSampleEventsTest {

    @Test
    void handleRequest_whenGivenTheSample_anchorsIntoTheTopologysBucket_andThenHasNothingNew() throws Exception {
        Map<String, Object> event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/integrity-anchor/scheduled-run.json")) {
            event = Json.mapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        }
        assertThat(event).isEmpty();
        IntegrityAnchorHandler handler = new IntegrityAnchorHandler();
        var context = LocalLambdaContext.of(Topology.INTEGRITY_ANCHOR.name(), 1024, 60);

        JsonNode first = Json.readTree(Json.write(handler.handleRequest(event, context)));
        JsonNode second = Json.readTree(Json.write(handler.handleRequest(event, context)));

        assertThat(first.path("auditHead").path("status").asText()).as("%s", first).isIn("ANCHORED", "EMPTY");
        assertThat(first.path("flagSeal").path("status").asText()).as("%s", first).isIn("ANCHORED", "EMPTY");
        assertThat(second.path("auditHead").path("status").asText()).isIn("UNCHANGED", "EMPTY");
        assertThat(second.path("flagSeal").path("status").asText()).isIn("UNCHANGED", "EMPTY");
        var anchors = new AnchorStore(AwsClients.s3(), Settings.require(Topology.ANCHORS.nameEnvVar()));
        if (first.path("auditHead").has("seq")) {
            assertThat(anchors.newest(Anchor.AUDIT_HEAD).orElseThrow().seq()).isEqualTo(first.path("auditHead").path("seq").asLong());
        }
    }
}
