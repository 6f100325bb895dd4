package com.warroom.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopologyKeysTest {

    private static final KeyDef OTHER = new KeyDef("other", "WARROOM_KEY_OTHER_ID");

    @Test
    void build_whenFunctionNamesKeyOutsideTopology_refuses() {
        FunctionDef sealer = Topology.FLAG_ADMIN.toBuilder().seals(OTHER).build();
        assertThatThrownBy(() -> Topology.builder().tables(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.IDEMPOTENCY,
                        Topology.INCIDENTS)
                .queues(Topology.FLAG_CHANGES).keys(Topology.SEALS).workflows(Topology.APPROVAL)
                .functions(sealer, Topology.APPROVAL_RECORD, Topology.APPROVAL_AWAIT, Topology.APPROVAL_APPLY, Topology.APPROVAL_OUTCOME)
                .build())
                .hasMessageContaining("key other");
    }

    @Test
    void toBuilder_whenFunctionUsesKeys_keepsThem() {
        assertThat(Topology.FLAG_READ.toBuilder().build().keys()).isEqualTo(Map.of(Topology.SEALS, KeyUse.VERIFY));
        assertThat(Topology.FLAG_ADMIN.toBuilder().build()).isEqualTo(Topology.FLAG_ADMIN);
    }

    @Test
    void warroom_whenAFunctionAppendsToAudit_sealsWithTheSealsKey() {
        Topology topology = Topology.warroom();
        assertThat(topology.keys()).containsExactly(Topology.SEALS);
        for (FunctionDef f : topology.functions()) {
            if (f.tables().get(Topology.AUDIT) == TableAccess.READ_APPEND || f.tables().get(Topology.FLAGS) == TableAccess.READ_WRITE) {
                assertThat(f.keys()).as(f.name()).containsEntry(Topology.SEALS, KeyUse.SEAL);
            }
        }
        Set<String> verifiers = topology.functions().stream().filter(f -> f.keys().get(Topology.SEALS) == KeyUse.VERIFY)
                .map(FunctionDef::name).collect(Collectors.toSet());
        assertThat(verifiers).containsExactlyInAnyOrder("flag-read", "audit-read", "approval-keeper", "integrity-anchor", "ledger-read",
                "notification-sender", "reconcile-prepare", "reconcile-segment", "reconcile-combine");
    }
}
