package com.warroom.notices;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.json.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Flag-changes messages as the kill-switch route sends them ({@link FlagRecord} as JSON) and SQS delivers them. */
final class FlagChanges {

    static final String ALICE_SUB = "8a7b6c5d-1111-2222-3333-444455556666";
    static final String ALICE = "alice@ops.example";

    private FlagChanges() {
    }

    static String body(Flag flag, String scope, boolean enabled, String reason, long version) {
        return Json.write(new FlagRecord(flag.key(), scope, enabled, reason, ALICE_SUB, ALICE, "2026-11-30T09:30:00Z", version, 7));
    }

    static SQSEvent.SQSMessage message(String body) {
        return message(UUID.randomUUID().toString(), body, 1);
    }

    static SQSEvent.SQSMessage message(String messageId, String body, int receiveCount) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:warroom-flag-changes");
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return message;
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        var event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    static String newRound() {
        return "round:R-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
