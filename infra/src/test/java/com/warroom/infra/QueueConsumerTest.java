package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each queue consumer is an SQS event source on its live alias, batching as the topology says, with partial batch failures. */
class QueueConsumerTest {

    static Stream<Arguments> consumers() {
        return SynthesizedWarroom.eachOf(topology -> topology.functionsTriggeredBy(Trigger.QueueConsumer.class), FunctionDef::name);
    }

    @ParameterizedTest
    @MethodSource("consumers")
    void eventSource_whenFunctionConsumesAQueue_readsThatQueueWithTheTopologysBatching(SynthesizedWarroom app, FunctionDef definition) {
        Trigger.QueueConsumer consumer = (Trigger.QueueConsumer) definition.trigger();
        Map<String, Object> mapping = mapping(app, definition);

        assertThat(mapping).containsEntry("EventSourceArn", arnOf(app.logicalId(app.stack.queues().queue(consumer.queue()))));
        assertThat(((Number) mapping.get("BatchSize")).intValue()).isEqualTo(consumer.batchSize());
        assertThat(((Number) mapping.get("MaximumBatchingWindowInSeconds")).longValue())
                .isEqualTo(consumer.batchingWindow().toSeconds());
    }

    @ParameterizedTest
    @MethodSource("consumers")
    void eventSource_whenAnyMessageOfABatchFails_retriesOnlyTheFailedOnes(SynthesizedWarroom app, FunctionDef definition) {
        assertThat(mapping(app, definition)).containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    }

    @ParameterizedTest
    @MethodSource("consumers")
    void eventSource_whenItCallsTheFunction_callsItsLiveAlias(SynthesizedWarroom app, FunctionDef definition) {
        // CDK names the target as <function name>:live, reading the function's name out of the alias's ARN
        List<Object> name = list(list(map(mapping(app, definition).get("FunctionName")).get("Fn::Join")).get(1));
        Object alias = ref(app.logicalId(app.stack.functions().get(definition).live()));

        assertThat(TemplateJson.mentions(name.getFirst(), alias)).as("names %s", alias).isTrue();
        assertThat(name.getLast()).isEqualTo(":" + WarroomFunction.ALIAS);
    }

    @Test
    void eventSource_whenTheBatchIsLarge_gathersMessagesOverTheBatchingWindow() {
        SynthesizedWarroom app = SynthesizedWarroom.withTriggers();
        Map<String, Object> mapping = mapping(app, TriggerTopology.PAYMENT_INTAKE);

        assertThat(((Number) mapping.get("BatchSize")).intValue()).isEqualTo(50);
        assertThat(((Number) mapping.get("MaximumBatchingWindowInSeconds")).intValue()).isEqualTo(20);
    }

    @Test
    void consumers_inTheRealTopology_areOpsNoticesThePaymentProcessorTheNotificationSenderThePayoutWorkerAndThePlatformEventsIngest() {
        assertThat(SynthesizedWarroom.get().stack.triggers().consumers())
                .containsOnlyKeys(Topology.OPS_NOTICE, Topology.PAYMENT_PROCESSOR, Topology.NOTIFICATION_SENDER, Topology.PAYOUT_WORKER,
                        Topology.PLATFORM_EVENTS_INGEST);
    }

    @Test
    void platformEventsIngest_whenTheBusDeliversAnEvent_consumesThePlatformEventsQueue() {
        assertConsumes(Topology.PLATFORM_EVENTS_INGEST, Topology.PLATFORM_EVENT_QUEUE);
    }

    @Test
    void payoutWorker_whenPayoutsAreQueued_consumesThePayoutsQueue() {
        assertConsumes(Topology.PAYOUT_WORKER, Topology.PAYOUT_WORK);
    }

    @Test
    void opsNotices_whenFlagsChange_consumesTheFlagChangesQueue() {
        assertConsumes(Topology.OPS_NOTICE, Topology.FLAG_CHANGES);
    }

    @Test
    void paymentProcessor_whenAPaymentIsToCheck_consumesThePaymentChecksQueue() {
        assertConsumes(Topology.PAYMENT_PROCESSOR, Topology.PAYMENT_CHECKS);
    }

    @Test
    void notificationSender_whenANotificationIsToSend_consumesTheNotificationsQueue() {
        assertConsumes(Topology.NOTIFICATION_SENDER, Topology.NOTIFICATIONS);
    }

    private static void assertConsumes(FunctionDef consumer, QueueDef queue) {
        SynthesizedWarroom app = SynthesizedWarroom.get();

        assertThat(mapping(app, consumer)).containsEntry("EventSourceArn", arnOf(app.logicalId(app.stack.queues().queue(queue))))
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    }

    private static Map<String, Object> mapping(SynthesizedWarroom app, FunctionDef definition) {
        return properties(app.resource(app.stack.triggers().consumers().get(definition)));
    }
}
