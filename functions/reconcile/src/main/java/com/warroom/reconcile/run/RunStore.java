package com.warroom.reconcile.run;

import com.warroom.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Runs in {@code reconcile-runs}, one item each, and one lock item per day ({@code runId = day-lock#<day>}, no
 * {@code day} attribute, so it is in no index) whose {@code holder} is the day's RUNNING run. A run starts in one
 * transaction with taking its day's lock ({@code attribute_not_exists(holder)}), and ends (COMPLETED or FAILED) in one
 * transaction with giving it back: of two concurrent starts of a day exactly one wins, and a day is free again as soon
 * as its run ended. A lock held longer than {@code abandonedAfter} belongs to a run whose workflow ended without
 * recording it (aborted, timed out): the next start marks that run FAILED and takes the lock in the same transaction.
 */
public final class RunStore {

    static final String LOCK_PREFIX = "day-lock#";
    public static final String BY_DAY = "byDay";
    public static final Duration DEFAULT_ABANDONED_AFTER = Duration.ofHours(6);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration abandonedAfter;

    public RunStore(DynamoDbClient dynamo, String table, Duration abandonedAfter) {
        this.dynamo = dynamo;
        this.table = table;
        this.abandonedAfter = abandonedAfter;
    }

    /** What starting a run did. */
    public sealed interface Start {
        record Started(ReconcileRun run) implements Start {
        }

        /** The day's run {@code running} is in progress: nothing was written. */
        record InProgress(ReconcileRun running) implements Start {
        }
    }

    public Start start(ReconcileRun run) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Lock> lock = lock(run.day());
            List<TransactWriteItem> writes = new ArrayList<>();
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":run", s(run.runId()), ":since", s(run.startedAt().toString())));
            String condition = "attribute_not_exists(holder)";
            if (lock.isPresent() && lock.get().holder().isPresent()) {
                String holder = lock.get().holder().get();
                Optional<ReconcileRun> running = find(holder).filter(r -> r.status() == RunStatus.RUNNING);
                boolean abandoned = lock.get().heldSince().plus(abandonedAfter).isBefore(run.startedAt());
                if (running.isPresent() && !abandoned) {
                    return new Start.InProgress(running.get());
                }
                condition = "holder = :holder";
                values.put(":holder", s(holder));
                if (running.isPresent()) {
                    writes.add(TransactWriteItem.builder().update(end(holder, RunStatus.FAILED, run.startedAt(),
                            Map.of("#error", "error"), Map.of(":error", s("abandoned: its workflow ended without recording the run; "
                                    + "run " + run.runId() + " took the day over")), "#error = :error")).build());
                }
            }
            Update take = Update.builder().tableName(table).key(lockKey(run.day()))
                    .updateExpression("SET holder = :run, heldSince = :since").conditionExpression(condition)
                    .expressionAttributeValues(values).build();
            writes.add(TransactWriteItem.builder().update(take).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(run))
                    .conditionExpression("attribute_not_exists(runId)").build()).build());
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return new Start.Started(run);
            } catch (TransactionCanceledException e) {
                if (!conditionFailed(e)) {
                    throw e;
                }
                // another start took the lock (or ended the abandoned run) meanwhile: look again
            }
        }
        throw new IllegalStateException("the day lock of " + run.day() + " kept changing; try again");
    }

    public Optional<ReconcileRun> find(String runId) {
        if (runId.startsWith(LOCK_PREFIX)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("runId", s(runId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(run(item));
    }

    /** Records what the combine step counted and where it put the findings; false when the run is no longer RUNNING. */
    public boolean recordCombined(String runId, RunCounts counts, String findingsKey) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("runId", s(runId)))
                    .updateExpression("SET #counts = :counts, findingsKey = :key")
                    .conditionExpression("#status = :running")
                    .expressionAttributeNames(Map.of("#counts", "counts", "#status", "status"))
                    .expressionAttributeValues(Map.of(":counts", s(Json.write(counts)), ":key", s(findingsKey),
                            ":running", s(RunStatus.RUNNING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** COMPLETED with its report, and the day free again, in one transaction; false when it is no longer RUNNING. */
    public boolean complete(String runId, ReconcileRun.ReportKeys keys, Instant endedAt) {
        return finish(runId, RunStatus.COMPLETED, endedAt, Map.of(), Map.of(":json", s(keys.json()), ":html", s(keys.html())),
                "reportJsonKey = :json, reportHtmlKey = :html");
    }

    /** FAILED with its error, and the day free again, in one transaction; false when it is no longer RUNNING. */
    public boolean fail(String runId, String error, Instant endedAt) {
        return finish(runId, RunStatus.FAILED, endedAt, Map.of("#error", "error"),
                Map.of(":error", s(ReconcileRun.boundedError(error))), "#error = :error");
    }

    private boolean finish(String runId, RunStatus status, Instant endedAt, Map<String, String> names,
                           Map<String, AttributeValue> values, String set) {
        Optional<ReconcileRun> run = find(runId);
        if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
            return false;
        }
        Update release = Update.builder().tableName(table).key(lockKey(run.get().day()))
                .updateExpression("REMOVE holder, heldSince").conditionExpression("holder = :run")
                .expressionAttributeValues(Map.of(":run", s(runId))).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(end(runId, status, endedAt, names, values, set)).build(),
                    TransactWriteItem.builder().update(release).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (!conditionFailed(e)) {
                throw e;
            }
            return false;
        }
    }

    private Update end(String runId, RunStatus status, Instant endedAt, Map<String, String> names, Map<String, AttributeValue> values, String set) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#status", "status");
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":next", s(status.name()));
        allValues.put(":ended", s(endedAt.toString()));
        allValues.put(":running", s(RunStatus.RUNNING.name()));
        return Update.builder().tableName(table).key(Map.of("runId", s(runId)))
                .updateExpression("SET #status = :next, endedAt = :ended, " + set)
                .conditionExpression("#status = :running")
                .expressionAttributeNames(allNames).expressionAttributeValues(allValues).build();
    }

    /** The runs of {@code day}, newest first (the byDay index: eventually consistent). */
    public List<ReconcileRun> ofDay(LocalDate day) {
        List<ReconcileRun> runs = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(BY_DAY).keyConditionExpression("#day = :day")
                        .expressionAttributeNames(Map.of("#day", "day")).expressionAttributeValues(Map.of(":day", s(day.toString())))
                        .scanIndexForward(false))
                .items().forEach(item -> runs.add(run(item)));
        return runs;
    }

    /** The run holding {@code day}'s lock, if one does. */
    public Optional<String> holder(LocalDate day) {
        return lock(day).flatMap(Lock::holder);
    }

    private record Lock(Optional<String> holder, Instant heldSince) {
    }

    private Optional<Lock> lock(LocalDate day) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(lockKey(day)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Lock(Optional.ofNullable(item.get("holder")).map(AttributeValue::s),
                Optional.ofNullable(item.get("heldSince")).map(v -> Instant.parse(v.s())).orElse(Instant.EPOCH)));
    }

    private static Map<String, AttributeValue> lockKey(LocalDate day) {
        return Map.of("runId", s(LOCK_PREFIX + day));
    }

    private static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
    }

    static Map<String, AttributeValue> item(ReconcileRun run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("runId", s(run.runId()));
        item.put("day", s(run.day().toString()));
        item.put("trigger", s(run.trigger()));
        item.put("status", s(run.status().name()));
        item.put("startedAt", s(run.startedAt().toString()));
        run.endedAt().ifPresent(at -> item.put("endedAt", s(at.toString())));
        run.counts().ifPresent(counts -> item.put("counts", s(Json.write(counts))));
        run.findingsKey().ifPresent(key -> item.put("findingsKey", s(key)));
        run.reportKeys().ifPresent(keys -> {
            item.put("reportJsonKey", s(keys.json()));
            item.put("reportHtmlKey", s(keys.html()));
        });
        run.error().ifPresent(error -> item.put("error", s(error)));
        return item;
    }

    static ReconcileRun run(Map<String, AttributeValue> item) {
        Optional<String> json = text(item, "reportJsonKey");
        Optional<String> html = text(item, "reportHtmlKey");
        return new ReconcileRun(item.get("runId").s(), LocalDate.parse(item.get("day").s()), item.get("trigger").s(),
                RunStatus.valueOf(item.get("status").s()), Instant.parse(item.get("startedAt").s()),
                text(item, "endedAt").map(Instant::parse), text(item, "counts").map(c -> Json.read(c, RunCounts.class)),
                text(item, "findingsKey"),
                json.isPresent() && html.isPresent() ? Optional.of(new ReconcileRun.ReportKeys(json.get(), html.get())) : Optional.empty(),
                text(item, "error"));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
