package com.warroom.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyEventBusesTest {

    @Test
    void warroom_thePlatformBusDeliversItsFiveDetailTypesToTheQueueTheIngestConsumes() {
        Topology topology = Topology.warroom();

        assertThat(topology.eventBuses()).containsExactly(Topology.PLATFORM_BUS);
        assertThat(Topology.PLATFORM_BUS.name()).isEqualTo("warroom-platform");
        assertThat(Topology.PLATFORM_BUS.detailTypes()).containsExactly("ContributionConfirmed", "RoundFinalized", "FeeCharged",
                "ReferralClaimed", "RefundIssued");
        assertThat(Topology.PLATFORM_BUS.target()).isEqualTo(Topology.PLATFORM_EVENT_QUEUE);
        assertThat(Topology.PLATFORM_EVENTS_INGEST.trigger())
                .isEqualTo(new Trigger.QueueConsumer(Topology.PLATFORM_EVENT_QUEUE, 10, java.time.Duration.ZERO));
        assertThat(Topology.PLATFORM_EVENTS_INGEST.deadLetters()).containsExactly(Topology.PLATFORM_EVENT_QUEUE);
        assertThat(Topology.PLATFORM_EVENTS_API.sendsTo()).containsExactly(Topology.PLATFORM_EVENT_QUEUE);
        assertThat(topology.route("POST /v1/platform/events")).hasValueSatisfying(route -> {
            assertThat(route.roles()).containsExactly(Role.SERVICE);
            assertThat(route.idempotency()).isEqualTo(Idempotency.OPTIONAL);
        });
    }

    @Test
    void build_whenABusDeliversToAQueueOutsideTheTopology_refuses() {
        QueueDef elsewhere = new QueueDef("elsewhere", "WARROOM_QUEUE_ELSEWHERE_URL", 30, 5);
        assertThatThrownBy(() -> Topology.builder().eventBuses(new EventBusDef("b", "s", List.of("T"), elsewhere)).build())
                .hasMessageContaining("queue elsewhere");
    }

    @Test
    void build_whenAFunctionDeadLettersAQueueOutsideTheTopology_refuses() {
        FunctionDef ingest = Topology.PLATFORM_EVENTS_INGEST.toBuilder()
                .trigger(new Trigger.Invoked()).deadLetters(new QueueDef("elsewhere", "WARROOM_QUEUE_ELSEWHERE_URL", 30, 5)).build();
        assertThatThrownBy(() -> Topology.builder().tables(Topology.PLATFORM_EVENTS, Topology.ROUNDS, Topology.LEDGER_BALANCES,
                        Topology.LEDGER_ENTRIES, Topology.CONFIG).queues(Topology.PLATFORM_EVENT_QUEUE).keys(Topology.SEALS)
                .functions(ingest).build())
                .hasMessageContaining("queue elsewhere");
    }

    @Test
    void eventBusDef_refusesNoOrRepeatedDetailTypes_andTheDlqVariableFollowsTheQueuesOwn() {
        assertThatThrownBy(() -> new EventBusDef("b", "s", List.of(), Topology.PLATFORM_EVENT_QUEUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventBusDef("b", "s", List.of("A", "A"), Topology.PLATFORM_EVENT_QUEUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Topology.PLATFORM_EVENT_QUEUE.dlqUrlEnvVar()).isEqualTo("WARROOM_QUEUE_PLATFORM_EVENTS_DLQ_URL");
    }
}
