package com.warroom.infra;

import static com.warroom.infra.TemplateJson.arnOf;
import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.map;
import static com.warroom.infra.TemplateJson.properties;
import static com.warroom.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.alarms.AlarmCatalog;
import com.warroom.topology.QueueDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every queue's dead-letter queue raises an alarm on its first message, and the alarm says what to do. */
class DeadLetterAlarmTest {

    static Stream<Arguments> queues() {
        return SynthesizedWarroom.eachOf(Topology::queues, QueueDef::logicalName);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void alarm_whenOneMessageIsInTheDeadLetterQueue_goesOff(SynthesizedWarroom app, QueueDef definition) {
        Map<String, Object> alarm = alarm(app, definition);

        assertThat(alarm)
                .containsEntry("AlarmName", "Warroom-" + definition.logicalName() + "-dlq-not-empty")
                .containsEntry("Namespace", "AWS/SQS")
                .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(deadLetterQueueId(app, definition), "QueueName")))))
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("TreatMissingData", "notBreaching");
        assertThat(((Number) alarm.get("Threshold")).intValue()).isEqualTo(1);
        assertThat(((Number) alarm.get("EvaluationPeriods")).intValue()).isEqualTo(1);
        assertThat(((Number) alarm.get("Period")).intValue()).isEqualTo(300);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void alarm_whenItGoesOff_saysWhatHappenedAndHowToReadAndRedriveTheMessages(SynthesizedWarroom app, QueueDef definition) {
        String text = (String) alarm(app, definition).get("AlarmDescription");

        assertThat(text).contains(definition.logicalName(), "failed " + definition.maxReceiveCount() + " times",
                "nothing retries it", "aws sqs receive-message", "aws sqs start-message-move-task",
                "#" + AlarmCatalog.DEAD_LETTER_RUNBOOK);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void deadLetterQueue_whenAlarmed_isTheQueuesRedriveTarget(SynthesizedWarroom app, QueueDef definition) {
        Map<String, Object> queue = properties(app.resource(app.stack.queues().queue(definition)));

        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));

        assertThat(redrive).containsEntry("deadLetterTargetArn", arnOf(deadLetterQueueId(app, definition)));
        assertThat(((Number) redrive.get("maxReceiveCount")).intValue()).isEqualTo(definition.maxReceiveCount());
    }

    private static Map<String, Object> alarm(SynthesizedWarroom app, QueueDef definition) {
        return properties(app.resource(app.stack.alarms().alarm(AlarmCatalog.deadLetterAlarm(definition))));
    }

    private static String deadLetterQueueId(SynthesizedWarroom app, QueueDef definition) {
        return app.logicalId(app.stack.queues().deadLetterQueue(definition));
    }
}
