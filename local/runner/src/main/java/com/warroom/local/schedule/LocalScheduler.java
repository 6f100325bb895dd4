package com.warroom.local.schedule;

import com.warroom.local.lambda.FailureLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * EventBridge Scheduler on this machine: fires each schedule's function at the times its expression gives in its zone
 * (a rate counting from the runner's start), with the schedule's payload as the input and a fresh run id as the Lambda
 * request id. A run that fails is reported and the next one happens as planned. Time comes from a {@link Clock}: a
 * background check every second fires what is due, and tests call {@link #fireDue} after moving their clock.
 */
public final class LocalScheduler implements AutoCloseable {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Clock clock;
    private final FailureLog failures;
    private final Map<String, ScheduledFunction> schedules = new LinkedHashMap<>();
    private final Map<String, Instant> nextRuns = new LinkedHashMap<>();
    private final ExecutorService runs = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("warroom-schedule-run-", 0).factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("warroom-scheduler").factory());

    /** Plans every schedule's first run from the clock's time now, which counts as the runner's start. */
    public LocalScheduler(List<ScheduledFunction> schedules, Clock clock, FailureLog failures) {
        this.clock = clock;
        this.failures = failures;
        Instant start = clock.instant();
        for (ScheduledFunction schedule : schedules) {
            this.schedules.put(schedule.name(), schedule);
            nextRuns.put(schedule.name(), NextRun.firstAfterStart(schedule.schedule(), start));
        }
    }

    /** Fires what is due every {@code period}, in the background. */
    public LocalScheduler checkingEvery(Duration period) {
        ticker.scheduleWithFixedDelay(() -> {
            try {
                fireDue();
            } catch (RuntimeException e) {
                // a scheduled executor stops repeating a task that throws; the other schedules must go on
                failures.failed("the local scheduler", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Every schedule with its next run, in topology order. */
    public synchronized List<NextRun> timetable() {
        List<NextRun> timetable = new ArrayList<>();
        schedules.forEach((name, schedule) -> timetable.add(new NextRun(name, schedule.schedule().expression().text(),
                schedule.schedule().zone(), nextRuns.get(name))));
        return timetable;
    }

    /** Starts the run of every schedule that is due at the clock's time, and plans each one's next run. */
    public synchronized List<CompletableFuture<ScheduleRun>> fireDue() {
        Instant now = clock.instant();
        List<CompletableFuture<ScheduleRun>> started = new ArrayList<>();
        nextRuns.replaceAll((name, planned) -> {
            if (planned.isAfter(now)) {
                return planned;
            }
            started.add(run(schedules.get(name)));
            return schedules.get(name).runAfter(planned, now);
        });
        return started;
    }

    /** Runs a schedule now, outside its timetable (its planned runs stay as they were); empty for an unknown name. */
    public Optional<CompletableFuture<ScheduleRun>> runNow(String name) {
        return Optional.ofNullable(schedules.get(name)).map(this::run);
    }

    public List<String> names() {
        return List.copyOf(schedules.keySet());
    }

    private CompletableFuture<ScheduleRun> run(ScheduledFunction schedule) {
        String runId = UUID.randomUUID().toString();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new ScheduleRun.Answered(schedule.name(), runId, schedule.function().invoke(schedule.input(), runId));
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable thrown) {
                failures.failed("schedule " + schedule.name() + " run " + runId, thrown);
                return new ScheduleRun.Failed(schedule.name(), runId, thrown);
            }
        }, runs);
    }

    /** Stops firing; runs in flight get a few seconds to finish. */
    @Override
    public void close() {
        ticker.shutdownNow();
        runs.shutdown();
        try {
            runs.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runs.shutdownNow();
    }
}
