package com.warroom.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which messages a queue consumer has acted on, by the message's business id (the change, payment or approval it is
 * about: a producer that sends the same thing twice sends two SQS message ids). Usage: {@link #mark} a message, add the
 * mark to the {@code TransactWriteItems} of the change it causes; when that transaction is cancelled, ask the mark
 * whether it was {@link MessageMark#alreadyProcessed}. Inside an {@code AuditedChange}, whose log retries failed
 * conditions, check {@link #seen} in {@code prepare} and refuse there. A consumer whose effect is not a DynamoDB write
 * (a notice published to SNS) checks {@link #seen} before and {@link #record}s after. A mark past {@code expiresAt}
 * counts as gone, even before DynamoDB's TTL deletes it (which can take a day or two).
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
        return mark(consumer, businessId, IdempotencyStore.RETENTION);
    }

    private MessageMark mark(String consumer, String businessId, Duration keptFor) {
        Instant now = clock.instant();
        return new MessageMark(table, new ProcessedMessage(ProcessedMessage.itemKey(consumer, businessId), consumer, businessId,
                now.toString(), now.plus(keptFor).getEpochSecond()), now.getEpochSecond());
    }

    /** Whether {@code consumer} has already acted on {@code businessId} (read strongly consistent). */
    public boolean seen(String consumer, String businessId) {
        ProcessedMessage mark = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(ProcessedMessage.itemKey(consumer, businessId)).build())
                .consistentRead(true)
                .build());
        return mark != null && mark.expiresAt() > clock.instant().getEpochSecond();
    }

    /**
     * Records on its own that {@code consumer} acted on {@code businessId}, for effects outside DynamoDB; false when a
     * live mark was there already (another delivery of the same message acted at the same time).
     */
    public boolean record(String consumer, String businessId) {
        return record(consumer, businessId, IdempotencyStore.RETENTION);
    }

    /**
     * {@link #record} with a mark that lives {@code keptFor} rather than the retention: for what may be done once per
     * window (a scheduled re-drive), so that the same thing can be done again once the window has passed.
     */
    public boolean record(String consumer, String businessId, Duration keptFor) {
        MessageMark mark = mark(consumer, businessId, keptFor);
        try {
            mark.putAlone();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Lets the mark of {@code businessId} lapse now: what it marked did not happen after all (its message was refused), so
     * it may be done again. The mark is put back as already expired rather than deleted: no function deletes items.
     */
    public void forget(String consumer, String businessId) {
        Instant now = clock.instant();
        table.putItem(new ProcessedMessage(ProcessedMessage.itemKey(consumer, businessId), consumer, businessId, now.toString(),
                now.getEpochSecond()));
    }

    /** The item key of a mark: {@code message#<consumer>#<businessId>}. */
    public static String key(String consumer, String businessId) {
        return ProcessedMessage.itemKey(consumer, businessId);
    }
}
