package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform's bus: EventBridge bus warroom-platform, one rule matching the platform's five detail-types from its
 * source, delivering to the platform-events queue (EventBridge allowed to send for that rule only), undeliverable events
 * to the queue's dead-letter queue; the ingest consumes the queue and may park messages in its dead-letter queue.
 */
class EventBusesTest {

    private static final SynthesizedWarroom APP = SynthesizedWarroom.get();
    private static final EventBuses.Bus BUS = APP.stack.eventBuses().bus(Topology.PLATFORM_BUS);

    @Test
    void bus_isNamedWarroomPlatform_andItsArnIsAnOutput() {
        assertThat(APP.resource(BUS.bus())).containsEntry("Type", "AWS::Events::EventBus");
        assertThat(properties(APP.resource(BUS.bus()))).containsEntry("Name", "warroom-platform");
        assertThat(APP.resourcesOfType("AWS::Events::EventBus")).hasSize(1);
        assertThat(map(APP.outputs().get("WarroomPlatformBusArn")).get("Value"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of(APP.logicalId(BUS.bus()), "Arn")));
    }

    @Test
    void rule_onTheBus_matchesThePlatformsSourceAndItsFiveDetailTypes() {
        Map<String, Object> rule = properties(APP.resource(BUS.rule()));

        assertThat(rule).containsEntry("EventBusName", ref(APP.logicalId(BUS.bus()))).containsEntry("State", "ENABLED");
        assertThat(map(rule.get("EventPattern"))).isEqualTo(Map.of(
                "source", List.of("warroom.platform"),
                "detail-type", List.of("ContributionConfirmed", "RoundFinalized", "FeeCharged", "ReferralClaimed", "RefundIssued")));
    }

    @Test
    void rule_deliversToThePlatformEventsQueue_andWhatItCannotDeliverToTheQueuesDeadLetterQueue() {
        List<Object> targets = list(properties(APP.resource(BUS.rule())).get("Targets"));

        assertThat(targets).singleElement().satisfies(target -> {
            assertThat(map(target)).containsEntry("Arn", arnOf(APP.logicalId(APP.stack.queues().queue(Topology.PLATFORM_EVENT_QUEUE))))
                    .containsEntry("DeadLetterConfig", Map.of("Arn",
                            arnOf(APP.logicalId(APP.stack.queues().deadLetterQueue(Topology.PLATFORM_EVENT_QUEUE)))))
                    .containsEntry("RetryPolicy", Map.of("MaximumEventAgeInSeconds", 86400, "MaximumRetryAttempts", 185));
        });
    }

    @Test
    void queuePolicy_letsEventBridgeSendForThatRuleOnly() {
        Object queueRef = ref(APP.logicalId(APP.stack.queues().queue(Topology.PLATFORM_EVENT_QUEUE)));
        List<Map<String, Object>> statements = APP.resourcesOfType("AWS::SQS::QueuePolicy").values().stream()
                .map(TemplateJson::properties)
                .filter(policy -> list(policy.get("Queues")).contains(queueRef))
                .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
                .map(TemplateJson::map)
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .toList();

        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "events.amazonaws.com"));
            assertThat(strings(statement.get("Action"))).containsExactly("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
            assertThat(statement.get("Condition")).isEqualTo(Map.of("ArnEquals",
                    Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of(APP.logicalId(BUS.rule()), "Arn")))));
        });
    }

    @Test
    void ingest_consumesTheQueue_andKnowsItsDeadLetterQueue_andTheRouteKnowsTheQueue() {
        assertThat(APP.environment(Topology.PLATFORM_EVENTS_INGEST)).containsEntry("WARROOM_QUEUE_PLATFORM_EVENTS_DLQ_URL",
                ref(APP.logicalId(APP.stack.queues().deadLetterQueue(Topology.PLATFORM_EVENT_QUEUE))));
        assertThat(APP.environment(Topology.PLATFORM_EVENTS_API)).containsEntry("WARROOM_QUEUE_PLATFORM_EVENTS_URL",
                ref(APP.logicalId(APP.stack.queues().queue(Topology.PLATFORM_EVENT_QUEUE))))
                .doesNotContainKey("WARROOM_QUEUE_PLATFORM_EVENTS_DLQ_URL");
        assertThat(APP.stack.alarms().alarm(com.warroom.alarms.AlarmCatalog.deadLetterAlarm(Topology.PLATFORM_EVENT_QUEUE))).isNotNull();
    }
}
