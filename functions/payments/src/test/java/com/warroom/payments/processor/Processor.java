package com.warroom.payments.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payments.PaymentCheck;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.PaymentsStack;
import com.warroom.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The payment processor handler over a {@link PaymentsStack}, and the SQS events Lambda would hand it. */
final class Processor {

    final PaymentsStack world;
    final PaymentProcessorHandler handler;

    Processor(PaymentsStack world) {
        this.world = world;
        this.handler = new PaymentProcessorHandler(PaymentProcessorHandler.fromSettings(world.dynamo, world.sealer, world.clock,
                world.journal, world.notifications, world.midtransClient));
    }

    static SQSEvent.SQSMessage message(String body, int receiveCount) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("rh-" + message.getMessageId());
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount), "SentTimestamp", "1796031000412"));
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + Topology.PAYMENT_CHECKS.localName());
        message.setAwsRegion("us-east-1");
        return message;
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(Arrays.asList(messages));
        return event;
    }

    SQSBatchResponse handle(SQSEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.PAYMENT_PROCESSOR.name(), 1024, 60));
    }

    /** Handles the checks, one message each, first deliveries; answers the ids of the messages that failed. */
    List<String> process(PaymentCheck... checks) {
        SQSEvent event = batch(Arrays.stream(checks).map(c -> message(c.toJson(), 1)).toArray(SQSEvent.SQSMessage[]::new));
        return handle(event).getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    /** The check items of the order, oldest first, as their JSON. */
    List<JsonNode> checks(String orderId) {
        return world.checksOf(orderId).stream()
                .sorted(java.util.Comparator.comparing(PaymentEvent::at).thenComparing(PaymentEvent::eventKey))
                .map(e -> Json.readTree(e.check())).toList();
    }
}
