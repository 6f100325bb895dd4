package com.warroom.platform.ingest;

import com.warroom.payments.SortableTime;
import com.warroom.platform.EventDetail;
import com.warroom.platform.PlatformEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The platform-events table: one item per event id, written once, in the transaction that posts the event
 * ({@code eventId}, {@code type}, {@code occurredAt}, {@code receivedAt}, {@code detail} as received, {@code entryId} when
 * a journal entry was posted; {@code userId} when the event is about a user and {@code txHash} for a contribution, for the
 * byUser and byTxHash indexes).
 */
public final class PlatformEventStore {

    static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "eventId", AttributeValueType.S)
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .build();
    private static final Expression NEW_EVENT = Expression.builder().expression("attribute_not_exists(eventId)").build();

    private final DynamoDbTable<EnhancedDocument> table;

    public PlatformEventStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, SCHEMA);
    }

    /** An event as it was taken in. */
    public record Stored(String eventId, String type, String occurredAt, String receivedAt, String detail, Optional<String> entryId) {
    }

    /** The event's item (strongly consistent). */
    public Optional<Stored> find(String eventId) {
        EnhancedDocument item = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(eventId).build()).consistentRead(true).build());
        return Optional.ofNullable(item).map(d -> new Stored(d.getString("eventId"), d.getString("type"), d.getString("occurredAt"),
                d.getString("receivedAt"), d.getString("detail"), Optional.ofNullable(d.getString("entryId"))));
    }

    /** The user an event is about, for the byUser index (support's lookup); none for a round's or a fee's. */
    static Optional<String> userOf(EventDetail detail) {
        return switch (detail) {
            case EventDetail.Contribution c -> Optional.of(c.userId());
            case EventDetail.Referral r -> Optional.of(r.userId());
            case EventDetail.Refund r -> Optional.of(r.userId());
            case EventDetail.Finalization f -> Optional.empty();
            case EventDetail.Fee f -> Optional.empty();
        };
    }

    /** The event's item, for the transaction that posts it: only if no event of that id was taken in. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putNew(PlatformEvent event, Instant receivedAt, Optional<String> entryId) {
        EnhancedDocument.Builder item = EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString("eventId", event.eventId())
                .putString("type", event.type().detailType())
                .putString("occurredAt", SortableTime.format(event.occurredAt()))
                .putString("receivedAt", SortableTime.format(receivedAt))
                .putString("detail", event.detailText());
        entryId.ifPresent(id -> item.putString("entryId", id));
        userOf(event.detail()).ifPresent(userId -> item.putString("userId", userId));
        if (event.detail() instanceof EventDetail.Contribution contribution && contribution.txHash() != null) {
            item.putString("txHash", contribution.txHash());
        }
        var put = TransactPutItemEnhancedRequest.builder(EnhancedDocument.class).item(item.build()).conditionExpression(NEW_EVENT).build();
        return request -> request.addPutItem(table, put);
    }
}
