package com.warroom.payments.entitlements;

import com.warroom.payments.Entitlement;
import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The entitlements table: reads, and the conditional grant and revoke that go into a payment's transaction. */
public final class EntitlementStore {

    private final DynamoDbTable<Entitlement> table;

    public EntitlementStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, Entitlement.SCHEMA);
    }

    /** The user's entitlement to the item, as it is now (strongly consistent). */
    public Optional<Entitlement> find(String userId, String item) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(userId).sortValue(item).build()).consistentRead(true).build()));
    }

    /**
     * The write that grants the item to the user for {@code orderId}, given what {@code find} read: a put only if there
     * is still none, or a re-grant only if the revoked one is still there unchanged; nothing when the user already has
     * access (another order bought it), since granting twice changes nothing.
     */
    public Optional<Consumer<TransactWriteItemsEnhancedRequest.Builder>> grant(String userId, String item, String orderId,
                                                                              Instant now, Optional<Entitlement> current) {
        if (current.isPresent() && current.get().active()) {
            return Optional.empty();
        }
        Expression condition = current.map(revoked -> Expression.builder()
                        .expression("orderId = :orderId AND revokedAt = :revokedAt")
                        .putExpressionValue(":orderId", AttributeValue.fromS(revoked.orderId()))
                        .putExpressionValue(":revokedAt", AttributeValue.fromS(revoked.revokedAt().orElseThrow()))
                        .build())
                .orElse(Expression.builder().expression("attribute_not_exists(userId)").build());
        var put = TransactPutItemEnhancedRequest.builder(Entitlement.class)
                .item(new Entitlement(userId, item, orderId, SortableTime.format(now), Optional.empty()))
                .conditionExpression(condition)
                .build();
        return Optional.of(request -> request.addPutItem(table, put));
    }

    /** The write that revokes {@code current}, only if it is still the active entitlement it was. */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> revoke(Entitlement current, Instant now) {
        var put = TransactPutItemEnhancedRequest.builder(Entitlement.class)
                .item(new Entitlement(current.userId(), current.item(), current.orderId(), current.grantedAt(),
                        Optional.of(SortableTime.format(now))))
                .conditionExpression(Expression.builder()
                        .expression("orderId = :orderId AND attribute_not_exists(revokedAt)")
                        .putExpressionValue(":orderId", AttributeValue.fromS(current.orderId()))
                        .build())
                .build();
        return request -> request.addPutItem(table, put);
    }
}
