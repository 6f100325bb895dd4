package com.warroom.payouts;

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

/** The users table: strongly consistent reads and the conditional put of a user's next version. */
public final class UserStore {

    private final DynamoDbTable<UserProfile> table;

    public UserStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, UserProfile.SCHEMA);
    }

    public Optional<UserProfile> find(String userId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(userId).build()).consistentRead(true).build()));
    }

    /**
     * Puts {@code next} in a transaction, only if the stored user is still {@code current} (by version), or still absent
     * when there is no current.
     */
    public Consumer<TransactWriteItemsEnhancedRequest.Builder> put(Optional<UserProfile> current, UserProfile next) {
        Expression condition = current.map(c -> Expression.builder()
                        .expression("#version = :version")
                        .putExpressionName("#version", "version")
                        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(c.version())))
                        .build())
                .orElse(Expression.builder().expression("attribute_not_exists(userId)").build());
        var put = TransactPutItemEnhancedRequest.builder(UserProfile.class).item(next).conditionExpression(condition).build();
        return request -> request.addPutItem(table, put);
    }
}
