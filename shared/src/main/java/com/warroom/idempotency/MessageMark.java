package com.warroom.idempotency;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One message's "processed" mark, written in the transaction of the change the message causes: the put holds only if
 * the mark is not there yet, so a redelivered message cancels its transaction and changes nothing.
 */
public final class MessageMark {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbTable<ProcessedMessage> table;
    private final ProcessedMessage mark;
    private final long nowEpochSecond;

    MessageMark(DynamoDbTable<ProcessedMessage> table, ProcessedMessage mark, long nowEpochSecond) {
        this.table = table;
        this.mark = mark;
        this.nowEpochSecond = nowEpochSecond;
    }

    /** Adds the conditional put of the mark to a transaction (a {@code Consumer} of the builder, as the audit log takes). */
    public void addTo(TransactWriteItemsEnhancedRequest.Builder transaction) {
        transaction.addPutItem(table, TransactPutItemEnhancedRequest.builder(ProcessedMessage.class)
                .item(mark)
                .conditionExpression(notLive())
                // the old item comes back with the cancellation reason, which tells this put's failure from the others'
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build());
    }

    /** Puts the mark by itself, on the same condition; {@code ConditionalCheckFailedException} when a live mark is there. */
    void putAlone() {
        table.putItem(PutItemEnhancedRequest.builder(ProcessedMessage.class).item(mark).conditionExpression(notLive()).build());
    }

    // absent, or left by an earlier delivery more than the retention ago and not yet removed by TTL
    private Expression notLive() {
        return Expression.builder()
                .expression("attribute_not_exists(#key) OR #expiresAt <= :now")
                .putExpressionName("#key", "key")
                .putExpressionName("#expiresAt", "expiresAt")
                .putExpressionValue(":now", AttributeValue.fromN(Long.toString(nowEpochSecond)))
                .build();
    }

    /** Whether {@code cancelled} was cancelled because this message had been processed already, rather than for another reason. */
    public boolean alreadyProcessed(TransactionCanceledException cancelled) {
        if (!cancelled.hasCancellationReasons()) {
            return false;
        }
        AttributeValue key = AttributeValue.fromS(mark.key());
        for (CancellationReason reason : cancelled.cancellationReasons()) {
            if (CONDITION_FAILED.equals(reason.code()) && reason.hasItem() && key.equals(reason.item().get("key"))) {
                return true;
            }
        }
        return false;
    }

    public String key() {
        return mark.key();
    }
}
