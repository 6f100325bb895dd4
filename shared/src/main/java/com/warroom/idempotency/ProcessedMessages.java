package com.warroom.idempotency;

import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;

/**
 * Which messages a queue consumer has acted on, by the message's business id (the change, payment or approval it is
 * about: a producer that sends the same thing twice sends two SQS message ids). Usage: {@link #mark} a message, add the
 * mark to the {@code TransactWriteItems} of the change it causes; when that transaction is cancelled, ask the mark
 * whether it was {@link MessageMark#alreadyProcessed}. Inside an {@code AuditedChange}, whose log retries failed
 * conditions, check {@link #seen} in {@code prepare} and refuse there.
 */
public final class ProcessedMessages {

    private final DynamoDbTable<ProcessedMessage> table;
    private final Clock clock;

    public ProcessedMessages(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.table = client.table(tableName, ProcessedMessage.SCHEMA);
        this.clock = clock;
    }

    /** The mark of {@code businessId} processed by {@code consumer}, kept for {@link IdempotencyStore#RETENTION}. */
    public MessageMark mark(String consumer, String businessId) {
        Instant now = clock.instant();
        return new MessageMark(table, new ProcessedMessage(ProcessedMessage.itemKey(consumer, businessId), consumer, businessId,
                now.toString(), now.plus(IdempotencyStore.RETENTION).getEpochSecond()));
    }

    /** Whether {@code consumer} has already acted on {@code businessId} (read strongly consistent). */
    public boolean seen(String consumer, String businessId) {
        return table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(ProcessedMessage.itemKey(consumer, businessId)).build())
                .consistentRead(true)
                .build()) != null;
    }
}
