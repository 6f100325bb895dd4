package com.warroom.reconcile.findings;

import com.warroom.reconcile.check.Action;
import com.warroom.reconcile.check.FindingDraft;
import com.warroom.reconcile.check.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Findings in {@code reconcile-findings}, one item per stable id, every write conditional on the version it was
 * decided from (or on the item not existing yet). OPEN and ACKNOWLEDGED ones are found by status in the byStatus
 * index ({@code status}, {@code firstSeenAt}); the sweeper counts OPEN ones older than a day from there too.
 */
public final class FindingsStore {

    public static final String BY_STATUS = "byStatus";
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbTable<EnhancedDocument> documents;

    public FindingsStore(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.documents = enhanced.table(table, TableSchema.documentSchemaBuilder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), "findingId", AttributeValueType.S)
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .build());
    }

    public Optional<Finding> find(String findingId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("findingId", s(findingId)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(finding(item));
    }

    /** How a run's sighting changed a finding. */
    public enum Sighting {
        /** Never seen before: OPEN now. */
        NEW,
        /** OPEN or ACKNOWLEDGED, and still so. */
        AGAIN,
        /** RESOLVED before: OPEN again. */
        REOPENED
    }

    public record Observed(Finding finding, Sighting sighting) {
    }

    /** Records that {@code runId} saw {@code draft}; seeing it twice in one run changes nothing the second time. */
    public Observed observe(FindingDraft draft, String runId, Instant now) {
        String id = Finding.id(draft.check(), draft.subject());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Finding> current = find(id);
            try {
                if (current.isEmpty()) {
                    Finding first = Finding.first(draft, runId, now);
                    dynamo.putItem(b -> b.tableName(table).item(item(first)).conditionExpression("attribute_not_exists(findingId)"));
                    return new Observed(first, Sighting.NEW);
                }
                Finding before = current.get();
                if (before.lastSeenRun().equals(runId)) {
                    return new Observed(before, before.firstSeenRun().equals(runId) ? Sighting.NEW : Sighting.AGAIN);
                }
                Finding after = before.seenAgain(draft, runId, now);
                put(after, before.version());
                return new Observed(after, before.status() == FindingStatus.RESOLVED ? Sighting.REOPENED : Sighting.AGAIN);
            } catch (ConditionalCheckFailedException raced) {
                // an acknowledgement (or another writer) changed it meanwhile: decide again from what is stored now
            }
        }
        throw new IllegalStateException("finding " + id + " kept changing; the run may be repeated");
    }

    /**
     * Resolves every OPEN or ACKNOWLEDGED finding of {@code checks} that {@code runId} did not see. The index may lag;
     * each write is conditional on the stored item, so a finding this run saw is never resolved.
     */
    public List<Finding> resolveUnseen(Set<String> checks, String runId, Instant now) {
        List<Finding> resolved = new ArrayList<>();
        for (FindingStatus status : List.of(FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED)) {
            dynamo.queryPaginator(b -> b.tableName(table).indexName(BY_STATUS).keyConditionExpression("#status = :status")
                            .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(Map.of(":status", s(status.name()))))
                    .items().forEach(item -> {
                        Finding indexed = finding(item);
                        if (!checks.contains(indexed.check()) || indexed.lastSeenRun().equals(runId)) {
                            return;
                        }
                        resolveOne(indexed.findingId(), runId, now).ifPresent(resolved::add);
                    });
        }
        return resolved;
    }

    private Optional<Finding> resolveOne(String findingId, String runId, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Finding> current = find(findingId);
            if (current.isEmpty() || current.get().status() == FindingStatus.RESOLVED || current.get().lastSeenRun().equals(runId)) {
                return Optional.empty();
            }
            Finding after = current.get().resolved(runId, now);
            try {
                put(after, current.get().version());
                return Optional.of(after);
            } catch (ConditionalCheckFailedException raced) {
                // acknowledged meanwhile: it is still unseen by this run, so resolve what is stored now
            }
        }
        throw new IllegalStateException("finding " + findingId + " kept changing; the run may be repeated");
    }

    /** One page of the byStatus index, newest first sighting first, of {@code risk} only when given. */
    public record Page(List<Finding> items, Optional<Map<String, AttributeValue>> next) {
    }

    public Page page(FindingStatus status, Optional<Risk> risk, int limit, Optional<Map<String, AttributeValue>> start) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.name())));
        risk.ifPresent(r -> {
            names.put("#risk", "risk");
            values.put(":risk", s(r.name()));
        });
        QueryResponse response = dynamo.query(b -> {
            b.tableName(table).indexName(BY_STATUS).keyConditionExpression("#status = :status").scanIndexForward(false).limit(limit)
                    .expressionAttributeNames(names).expressionAttributeValues(values);
            risk.ifPresent(r -> b.filterExpression("#risk = :risk"));
            start.ifPresent(b::exclusiveStartKey);
        });
        List<Finding> items = response.items().stream().map(FindingsStore::finding).toList();
        return new Page(items, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey()) : Optional.empty());
    }

    /** The write of {@code next} over {@code current} as stored, for a transaction (the acknowledgement's, with its audit entry). */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> replace(Finding current, Finding next) {
        return request -> request.addPutItem(documents, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(EnhancedDocument.fromAttributeValueMap(item(next)))
                .conditionExpression(Expression.builder().expression("version = :version")
                        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(current.version()))).build())
                .build());
    }

    private void put(Finding next, long currentVersion) {
        dynamo.putItem(b -> b.tableName(table).item(item(next)).conditionExpression("version = :version")
                .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(currentVersion)))));
    }

    static Map<String, AttributeValue> item(Finding f) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("findingId", s(f.findingId()));
        item.put("check", s(f.check()));
        item.put("subject", s(f.subject()));
        item.put("expected", s(f.expected()));
        item.put("actual", s(f.actual()));
        item.put("difference", s(f.difference()));
        item.put("risk", s(f.risk().name()));
        item.put("action", s(f.action().name()));
        item.put("runbook", s(f.runbook()));
        item.put("status", s(f.status().name()));
        item.put("firstSeenAt", s(f.firstSeenAt().toString()));
        item.put("firstSeenRun", s(f.firstSeenRun()));
        item.put("lastSeenAt", s(f.lastSeenAt().toString()));
        item.put("lastSeenRun", s(f.lastSeenRun()));
        f.resolvedAt().ifPresent(at -> item.put("resolvedAt", s(at.toString())));
        f.resolvedByRun().ifPresent(run -> item.put("resolvedByRun", s(run)));
        f.acknowledgement().ifPresent(ack -> {
            item.put("ticket", s(ack.ticket()));
            item.put("acknowledgedBy", s(ack.by()));
            item.put("acknowledgedAt", s(ack.at().toString()));
        });
        item.put("version", AttributeValue.fromN(Long.toString(f.version())));
        return item;
    }

    static Finding finding(Map<String, AttributeValue> item) {
        Optional<String> ticket = text(item, "ticket");
        return new Finding(item.get("findingId").s(), item.get("check").s(), item.get("subject").s(), item.get("expected").s(),
                item.get("actual").s(), item.get("difference").s(), Risk.valueOf(item.get("risk").s()),
                Action.valueOf(item.get("action").s()), item.get("runbook").s(), FindingStatus.valueOf(item.get("status").s()),
                Instant.parse(item.get("firstSeenAt").s()), item.get("firstSeenRun").s(), Instant.parse(item.get("lastSeenAt").s()),
                item.get("lastSeenRun").s(), text(item, "resolvedAt").map(Instant::parse), text(item, "resolvedByRun"),
                ticket.map(t -> new Finding.Acknowledgement(t, text(item, "acknowledgedBy").orElse(""),
                        text(item, "acknowledgedAt").map(Instant::parse).orElse(Instant.EPOCH))),
                Long.parseLong(item.get("version").n()));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
