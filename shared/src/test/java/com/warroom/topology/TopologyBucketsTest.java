package com.warroom.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyBucketsTest {

    @Test
    void build_whenFunctionNamesBucketOutsideTopology_refuses() {
        FunctionDef reader = Topology.AUDIT_READ.toBuilder().bucket(new BucketDef("elsewhere", 1), BucketAccess.READ).build();
        assertThatThrownBy(() -> Topology.builder().tables(Topology.AUDIT).keys(Topology.SEALS).buckets(Topology.ANCHORS)
                .functions(reader).build())
                .hasMessageContaining("bucket elsewhere");
    }

    @Test
    void warroom_anchorsAreWrittenOnlyByTheAnchorRun_andReadByVerify() {
        Topology topology = Topology.warroom();
        assertThat(topology.buckets()).contains(Topology.ANCHORS, Topology.RECONCILE_REPORTS);
        assertThat(topology.functions().stream().filter(f -> f.buckets().get(Topology.ANCHORS) == BucketAccess.READ_PUT)
                .map(FunctionDef::name)).containsExactly("integrity-anchor");
        assertThat(Topology.AUDIT_READ.buckets()).isEqualTo(Map.of(Topology.ANCHORS, BucketAccess.READ));
        assertThat(Topology.INTEGRITY_ANCHOR.toBuilder().build()).isEqualTo(Topology.INTEGRITY_ANCHOR);
    }

    @Test
    void bucketDef_namesItsVariable_andRefusesBadNamesOrRetention() {
        assertThat(Topology.ANCHORS.nameEnvVar()).isEqualTo("WARROOM_BUCKET_ANCHORS_NAME");
        assertThat(Topology.ANCHORS.localName()).isEqualTo("warroom-anchors");
        assertThatThrownBy(() -> new BucketDef("Anchors", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketDef("anchors", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
