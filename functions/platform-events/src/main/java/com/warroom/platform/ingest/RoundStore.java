package com.warroom.platform.ingest;

import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rounds table as the platform's events add it up, one partition per round: {@code total#<asset>} (raisedMinor,
 * refundedMinor, contributions, contributors), {@code contributor#<userId>} (created on the user's first contribution)
 * and {@code finalized} (the platform's own count when the round closed). Every write is conditional on what was read,
 * so it commits only in the transaction that posts its event, and a race prepares again.
 */
public final class RoundStore {

    static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "roundId", AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), "item", AttributeValueType.S)
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .build();
    static final String FINALIZED = "finalized";
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(roundId)").build();

    private final DynamoDbTable<EnhancedDocument> table;

    public RoundStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, SCHEMA);
    }

    /** A round's totals in one asset; {@code version} counts its writes. */
    public record Total(String roundId, String asset, long raisedMinor, long refundedMinor, long contributions, long contributors,
                        long version) {

        static Total none(String roundId, String asset) {
            return new Total(roundId, asset, 0, 0, 0, 0, 0);
        }

        Total contributed(long minor, boolean newContributor) {
            return new Total(roundId, asset, Math.addExact(raisedMinor, minor), refundedMinor, contributions + 1,
                    contributors + (newContributor ? 1 : 0), version + 1);
        }

        Total refunded(long minor) {
            return new Total(roundId, asset, raisedMinor, Math.addExact(refundedMinor, minor), contributions, contributors, version + 1);
        }
    }

    /** A round's finalization as the platform reported it. */
    public record Finalization(String roundId, String asset, long totalRaisedMinor, long contributorCount, String eventId,
                               String finalizedAt) {
    }

    static String totalItem(String asset) {
        return "total#" + asset;
    }

    static String contributorItem(String userId) {
        return "contributor#" + userId;
    }

    public Optional<Total> total(String roundId, String asset) {
        return get(roundId, totalItem(asset)).map(d -> new Total(roundId, asset, d.getNumber("raisedMinor").longValue(),
                d.getNumber("refundedMinor").longValue(), d.getNumber("contributions").longValue(),
                d.getNumber("contributors").longValue(), d.getNumber("version").longValue()));
    }

    public boolean hasContributor(String roundId, String userId) {
        return get(roundId, contributorItem(userId)).isPresent();
    }

    public Optional<Finalization> finalization(String roundId) {
        return get(roundId, FINALIZED).map(d -> new Finalization(roundId, d.getString("asset"),
                d.getNumber("totalRaisedMinor").longValue(), d.getNumber("contributorCount").longValue(), d.getString("eventId"),
                d.getString("finalizedAt")));
    }

    /** The next totals, only if the stored ones are still {@code previous} (or still absent). */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putTotal(Total next, Optional<Total> previous) {
        EnhancedDocument item = document(next.roundId(), totalItem(next.asset()))
                .putString("asset", next.asset())
                .putNumber("raisedMinor", next.raisedMinor())
                .putNumber("refundedMinor", next.refundedMinor())
                .putNumber("contributions", next.contributions())
                .putNumber("contributors", next.contributors())
                .putNumber("version", next.version())
                .build();
        Expression condition = previous.map(p -> Expression.builder().expression("version = :read")
                .expressionValues(Map.of(":read", AttributeValue.fromN(Long.toString(p.version())))).build()).orElse(NEW_ITEM);
        return put(item, condition);
    }

    /** The user's first contribution to the round: only if they have none yet. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putContributor(String roundId, String userId, String asset, String eventId,
                                                                      Instant at) {
        return put(document(roundId, contributorItem(userId)).putString("userId", userId).putString("asset", asset)
                .putString("firstEventId", eventId).putString("firstContributedAt", SortableTime.format(at)).build(), NEW_ITEM);
    }

    /** The round's finalization: only once. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> putFinalization(Finalization finalization) {
        return put(document(finalization.roundId(), FINALIZED).putString("asset", finalization.asset())
                .putNumber("totalRaisedMinor", finalization.totalRaisedMinor())
                .putNumber("contributorCount", finalization.contributorCount())
                .putString("eventId", finalization.eventId()).putString("finalizedAt", finalization.finalizedAt()).build(), NEW_ITEM);
    }

    private Consumer<TransactWriteItemsEnhancedRequest.Builder> put(EnhancedDocument item, Expression condition) {
        var put = TransactPutItemEnhancedRequest.builder(EnhancedDocument.class).item(item).conditionExpression(condition).build();
        return request -> request.addPutItem(table, put);
    }

    private static EnhancedDocument.Builder document(String roundId, String item) {
        return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString("roundId", roundId).putString("item", item);
    }

    private Optional<EnhancedDocument> get(String roundId, String item) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(roundId).sortValue(item).build()).consistentRead(true).build()));
    }
}
