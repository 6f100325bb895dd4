package com.warroom.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyHealthTest {

    /** The readiness probe describes every table and queue of the topology: in AWS, each needs its IAM grant. */
    @Test
    void health_describesEveryTableAndQueue() {
        Topology topology = Topology.warroom();

        assertThat(Topology.HEALTH.tables().keySet()).containsExactlyInAnyOrderElementsOf(topology.tables());
        assertThat(Topology.HEALTH.describesQueues()).containsExactlyInAnyOrderElementsOf(topology.queues());
    }
}
