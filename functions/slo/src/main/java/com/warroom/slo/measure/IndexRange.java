package com.warroom.slo.measure;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the items of one partition of a GSI whose sort key (a sortable time) falls in a range, with only the attributes
 * asked for: how the report counts payouts, orders, platform events and incidents without scanning a table.
 */
public final class IndexRange {

    private final DynamoDbClient dynamo;

    public IndexRange(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Every item with {@code partitionKey = value} and {@code from <= sortKey < to} (ISO times, compared as text). */
    public void forEach(Query query, Consumer<Map<String, AttributeValue>> item) {
        // BETWEEN is inclusive: the window's end is excluded by the caller's last check
        QueryRequest request = QueryRequest.builder().tableName(query.table()).indexName(query.index())
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(query.value()), ":from", AttributeValue.fromS(query.from()),
                        ":to", AttributeValue.fromS(query.to())))
                .projectionExpression(String.join(", ", query.attributes().stream().map(a -> "#a_" + a).toList()))
                .expressionAttributeNames(names(query))
                .build();
        dynamo.queryPaginator(request).items().forEach(found -> {
            if (found.containsKey(query.sortKey()) && found.get(query.sortKey()).s().compareTo(query.to()) < 0) {
                item.accept(found);
            }
        });
    }

    private static Map<String, String> names(Query query) {
        Map<String, String> names = new java.util.HashMap<>(Map.of("#pk", query.partitionKey(), "#sk", query.sortKey()));
        query.attributes().forEach(a -> names.put("#a_" + a, a));
        return names;
    }

    /** One partition of an index, a time range of its sort key, and the attributes to read (the sort key among them). */
    public record Query(String table, String index, String partitionKey, String value, String sortKey, String from, String to,
                       List<String> attributes) {

        public Query {
            attributes = java.util.stream.Stream.concat(attributes.stream(), java.util.stream.Stream.of(sortKey)).distinct().toList();
        }
    }
}
