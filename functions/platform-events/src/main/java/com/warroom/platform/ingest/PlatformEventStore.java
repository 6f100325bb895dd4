package com.warroom.platform.ingest;

import com.warroom.payments.SortableTime;
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
 * a journal entry was posted).
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

    /** The event's item, for the transaction that posts it: only if no event of that id was taken in. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putNew(PlatformEvent event, Instant receivedAt, Optional<String> entryId) {
        EnhancedDocument.Builder item = EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString("eventId", event.eventId())
                .putString("type", event.type().detailType())
                .putString("occurredAt", SortableTime.format(event.occurredAt()))
                .putString("receivedAt", SortableTime.format(receivedAt))
                .putString("detail", event.detailText());
        entryId.ifPresent(id -> item.putString("entryId", id));
        var put = TransactPutItemEnhancedRequest.builder(EnhancedDocument.class).item(item.build()).conditionExpression(NEW_EVENT).build();
        return request -> request.addPutItem(table, put);
    }
}
