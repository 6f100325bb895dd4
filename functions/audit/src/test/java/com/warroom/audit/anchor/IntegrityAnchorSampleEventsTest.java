package com.warroom.audit.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
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

        IntegrityAnchor.Run first = handler.handleRequest(event, context);
        IntegrityAnchor.Run second = handler.handleRequest(event, context);

        assertThat(first.tampered()).as("%s", first).isFalse();
        assertThat(second.auditHead().status()).isIn(AnchorOutcome.Status.UNCHANGED, AnchorOutcome.Status.EMPTY);
        assertThat(second.flagSeal().status()).isIn(AnchorOutcome.Status.UNCHANGED, AnchorOutcome.Status.EMPTY);
        var anchors = new AnchorStore(AwsClients.s3(), Settings.require(Topology.ANCHORS.nameEnvVar()));
        if (first.auditHead().seq() != null) {
            assertThat(anchors.newest(Anchor.AUDIT_HEAD).orElseThrow().seq()).isEqualTo(first.auditHead().seq());
        }
        assertThat(Json.readTree(Json.write(second)).has("auditHead")).isTrue();
    }
}
