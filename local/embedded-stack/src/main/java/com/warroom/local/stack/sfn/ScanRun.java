package com.warroom.local.stack.sfn;

import static com.warroom.topology.ScanWorkflowDef.COMBINE;
import static com.warroom.topology.ScanWorkflowDef.PREPARE;
import static com.warroom.topology.ScanWorkflowDef.RECORD_FAILURE;
import static com.warroom.topology.ScanWorkflowDef.REPORT;
import static com.warroom.topology.ScanWorkflowDef.RUN_FAILED;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENT;
import static com.warroom.topology.ScanWorkflowDef.SCAN_SEGMENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScanWorkflowDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one execution of a {@link ScanWorkflowDef} the way its Step Functions state machine (infra's {@code ScanWorkflow})
 * does: Prepare → ScanSegments, a Map over {@code $.segments} invoking the segment function with each item, at most
 * {@code maxConcurrency} at a time on worker threads, each retried on any error (2 more attempts, 2 s then 4 s apart) →
 * Combine with Prepare's output (the Map's results are discarded) → Report, whose output ends the execution.
 * A failure of Prepare, ScanSegments (an item that failed every attempt), Combine or Report is caught into RecordFailure
 * with the failed state's input plus {@code "error": {"Error","Cause"}}; the execution then fails in RunFailed.
 *
 * <p>Each item enters ScanSegment, in item order, as it starts. Once an item has failed for good no further item
 * starts, and the Map fails when the items already running have returned (in AWS their Lambda invocations run on, too).
 */
final class ScanRun implements ExecutionRun {

    private static final String SEGMENTS_FIELD = ScanWorkflowDef.SEGMENTS_PATH.substring("$.".length());

    private final Execution execution;
    private final ScanWorkflowDef workflow;
    private final Workers workers;

    ScanRun(Execution execution, ScanWorkflowDef workflow, Workers workers) {
        this.execution = execution;
        this.workflow = workflow;
        this.workers = workers;
    }

    @Override
    public Execution execution() {
        return execution;
    }

    @Override
    public void start(JsonNode input) {
        workers.run(execution, () -> task(PREPARE, workflow.prepare(), input, this::scanSegments));
    }

    /** A task outside the Map: on success {@code next} gets its output; a failure is caught into RecordFailure. */
    private void task(String state, FunctionDef function, JsonNode input, Consumer<JsonNode> next) {
        execution.enter(state);
        switch (workers.lambda().invoke(function, input)) {
            case TaskResult.Succeeded succeeded -> next.accept(succeeded.output());
            case TaskResult.Failed failed -> caught(input, failed);
        }
    }

    private void scanSegments(JsonNode state) {
        execution.enter(SCAN_SEGMENTS);
        JsonNode items = state.isObject() ? state.get(SEGMENTS_FIELD) : null;
        if (items == null || !items.isArray()) {
            // as AWS: an ItemsPath that finds no array is States.Runtime, which no Catch takes
            workers.failRuntime(execution, "An error occurred while executing the state '" + SCAN_SEGMENTS + "'. The ItemsPath '"
                    + ScanWorkflowDef.SEGMENTS_PATH + "' of the input '" + StatesJson.write(state) + "' is not a JSON array");
            return;
        }
        TaskResult.Failed failure = mapItems(items);
        if (failure == null) {
            // ResultPath null: the Map passes its own input on
            task(COMBINE, workflow.combine(), state, combined -> task(REPORT, workflow.report(), combined, this::succeed));
        } else {
            caught(state, failure);
        }
    }

    /** Runs every item, at most maxConcurrency at a time; answers the first failure that outlasted its retries, or null. */
    private TaskResult.Failed mapItems(JsonNode items) {
        Semaphore slots = new Semaphore(workflow.maxConcurrency());
        AtomicReference<TaskResult.Failed> failure = new AtomicReference<>();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (JsonNode item : items) {
            slots.acquireUninterruptibly();
            if (failure.get() != null) {
                slots.release();
                break;
            }
            execution.enter(SCAN_SEGMENT);
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    if (attempts(item) instanceof TaskResult.Failed failed) {
                        failure.compareAndSet(null, failed);
                    }
                } finally {
                    slots.release();
                }
            }, workers.executor()));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return failure.get();
    }

    /** One item: the first attempt and, on any error, up to SEGMENT_RETRIES more, waiting interval × backoff between them. */
    private TaskResult attempts(JsonNode item) {
        Duration wait = Duration.ofSeconds(ScanWorkflowDef.SEGMENT_RETRY_INTERVAL_SECONDS);
        TaskResult result = workers.lambda().invoke(workflow.segment(), item);
        for (int retry = 0; retry < ScanWorkflowDef.SEGMENT_RETRIES && result instanceof TaskResult.Failed; retry++) {
            try {
                workers.retryWait().pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            wait = wait.multipliedBy(ScanWorkflowDef.SEGMENT_RETRY_BACKOFF_RATE);
            result = workers.lambda().invoke(workflow.segment(), item);
        }
        return result;
    }

    private void succeed(JsonNode output) {
        execution.succeed(StatesJson.write(output), workers.clock().instant());
    }

    private void caught(JsonNode state, TaskResult.Failed failure) {
        StatesJson.withError(state, failure).ifPresentOrElse(this::recordFailure,
                () -> workers.failRuntime(execution, StatesJson.noObjectForError(state)));
    }

    // RecordFailure has no Catch: its own failure fails the execution with its error, as in AWS
    private void recordFailure(JsonNode state) {
        execution.enter(RECORD_FAILURE);
        switch (workers.lambda().invoke(workflow.recordFailure(), state)) {
            case TaskResult.Succeeded succeeded -> {
                execution.enter(RUN_FAILED);
                execution.fail(ScanWorkflowDef.RUN_FAILED_ERROR, workflow.runFailedCause(), workers.clock().instant());
            }
            case TaskResult.Failed failed -> execution.fail(failed.error(), failed.cause(), workers.clock().instant());
        }
    }
}
