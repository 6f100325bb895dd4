package com.warroom.local.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.local.lambda.FailureLog;
import com.warroom.local.lambda.LocalFunction;
import com.warroom.topology.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source for one consumer, on this machine: long-polls the queue, hands each batch to the function
 * as the {@link SQSEvent} Lambda sends, and deletes the messages its {@link SQSBatchResponse} does not name as failed.
 * The others reappear after the queue's visibility timeout, and the queue's redrive policy moves a message to its
 * dead-letter queue once it has been received {@code maxReceiveCount} times. One batch at a time: Lambda would run
 * several batches of a busy queue side by side.
 */
public final class QueuePoller implements AutoCloseable {

    private static final int SQS_MAX_PER_RECEIVE = 10;
    private static final int SQS_MAX_PER_DELETE = 10;
    /** Short for SQS (Lambda waits 20 s), so that closing never waits long for a receive in flight. */
    private static final int WAIT_SECONDS = 1;
    private static final Duration AFTER_A_FAILED_RECEIVE = Duration.ofSeconds(1);

    private final LocalFunction<SQSEvent, SQSBatchResponse> consumer;
    private final Trigger.QueueConsumer trigger;
    private final QueueEndpoint queue;
    private final SqsClient sqs;
    private final FailureLog failures;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;

    /** {@code trigger} is the consumer's (batch size, batching window); nothing is received until {@link #start}. */
    public QueuePoller(LocalFunction<SQSEvent, SQSBatchResponse> consumer, Trigger.QueueConsumer trigger, QueueConnection connection) {
        this.consumer = consumer;
        this.trigger = trigger;
        this.queue = connection.queue();
        this.sqs = connection.sqs();
        this.failures = connection.failures();
        this.thread = Thread.ofPlatform().daemon().name("warroom-poller-" + consumer.name()).unstarted(this::pollUntilClosed);
    }

    /** How a poller reaches its queue and where it reports failures. */
    public record QueueConnection(SqsClient sqs, QueueEndpoint queue, FailureLog failures) {
    }

    public QueuePoller start() {
        thread.start();
        return this;
    }

    public String functionName() {
        return consumer.name();
    }

    public QueueEndpoint queue() {
        return queue;
    }

    private void pollUntilClosed() {
        while (stopping.getCount() > 0) {
            List<Message> batch;
            try {
                batch = receiveBatch();
            } catch (SdkException e) {
                if (stopping.getCount() > 0) {
                    failures.failed("receiving from " + queue.name() + " for " + consumer.name(), e);
                    pause(AFTER_A_FAILED_RECEIVE);
                }
                continue;
            }
            if (!batch.isEmpty()) {
                deliver(batch);
            }
        }
    }

    // Lambda gathers up to the batch size, for up to the batching window, 10 messages per receive at most
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(Math.min(trigger.batchSize(), SQS_MAX_PER_RECEIVE)));
        long windowEnds = System.nanoTime() + trigger.batchingWindow().toNanos();
        while (!batch.isEmpty() && batch.size() < trigger.batchSize() && System.nanoTime() < windowEnds && stopping.getCount() > 0) {
            batch.addAll(receive(Math.min(trigger.batchSize() - batch.size(), SQS_MAX_PER_RECEIVE)));
        }
        return batch;
    }

    private List<Message> receive(int max) {
        return sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(max).waitTimeSeconds(WAIT_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
        BatchOutcome outcome;
        try {
            outcome = BatchOutcome.of(consumer.invoke(SqsEvents.of(batch, queue)), ids);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            // the Lambda runtime turns any throwable into a function error: the batch is not done
            outcome = new BatchOutcome.Threw(thrown);
        }
        switch (outcome) {
            case BatchOutcome.Handled handled -> { }
            case BatchOutcome.Unusable unusable -> failures.failed(what(batch), new IllegalStateException(unusable.why()));
            case BatchOutcome.Threw threw -> failures.failed(what(batch), threw.error());
        }
        Set<String> done = outcome.deletable(ids);
        delete(batch.stream().filter(message -> done.contains(message.messageId())).toList());
    }

    // the whole batch stays on the queue and comes back after the visibility timeout
    private String what(List<Message> batch) {
        return consumer.name() + " on a batch of " + batch.size() + " from " + queue.name() + " (kept for a retry)";
    }

    private void delete(List<Message> done) {
        for (int from = 0; from < done.size(); from += SQS_MAX_PER_DELETE) {
            List<Message> chunk = done.subList(from, Math.min(done.size(), from + SQS_MAX_PER_DELETE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            try {
                var result = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
                if (result.hasFailed() && !result.failed().isEmpty()) {
                    failures.failed("deleting " + result.failed().size() + " handled messages from " + queue.name(),
                            new IllegalStateException(result.failed().toString()));
                }
            } catch (SdkException e) {
                // they come back after the visibility timeout and are handled again: consumers are idempotent
                failures.failed("deleting " + chunk.size() + " handled messages from " + queue.name(), e);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    /** Stops receiving; a batch in hand is finished first, so that the stack is not closed under it. */
    public void stopReceiving() {
        stopping.countDown();
    }

    /** Stops and waits for the poller's thread to end. */
    @Override
    public void close() {
        stopReceiving();
        if (thread.isAlive()) {
            try {
                // Lambda would have timed the function out by then; its thread is a daemon and ends with the JVM
                thread.join(Duration.ofSeconds(WAIT_SECONDS + consumer.definition().timeoutSeconds() + 1L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether it is still polling (or finishing a batch). */
    public boolean running() {
        return thread.isAlive();
    }
}
