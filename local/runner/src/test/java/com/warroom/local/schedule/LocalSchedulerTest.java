package com.warroom.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.local.lambda.LocalFunction;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScheduleExpression;
import com.warroom.topology.Trigger;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local scheduler on a clock the test moves: when each schedule fires, with what, and what a failure does. */
class LocalSchedulerTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<LocalScheduler> schedulers = new ArrayList<>();

    private record Call(String schedule, Map<String, Object> input, String requestId) {
    }

    @AfterEach
    void close() {
        schedulers.forEach(LocalScheduler::close);
    }

    @Test
    void timetable_countsARateFromTheStart_andACronFromTheClockInItsZone() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-07T12:00:07Z"));

        LocalScheduler scheduler = scheduler(clock, schedule("keeper", "rate(5 minutes)", "UTC"),
                schedule("new-york-night", "cron(30 2 * * ? *)", "America/New_York"),
                schedule("jakarta-midnight", "cron(30 0 * * ? *)", "Asia/Jakarta"));

        assertThat(scheduler.timetable()).containsExactly(
                new NextRun("keeper", "rate(5 minutes)", ZoneId.of("UTC"), Instant.parse("2026-03-07T12:05:07Z")),
                // 02:30 on 2026-03-08 does not exist in New York: the next is the day after, in EDT
                new NextRun("new-york-night", "cron(30 2 * * ? *)", NEW_YORK, Instant.parse("2026-03-09T06:30:00Z")),
                new NextRun("jakarta-midnight", "cron(30 0 * * ? *)", ZoneId.of("Asia/Jakarta"), Instant.parse("2026-03-07T17:30:00Z")));
    }

    @Test
    void fireDue_runsAScheduleOnlyOnceItIsDue_andPlansItsNextRun() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T21:00:00Z"));
        LocalScheduler scheduler = scheduler(clock, schedule("keeper", "rate(5 minutes)", "UTC"));

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(scheduler.fireDue()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        awaitAll(scheduler.fireDue());

        assertThat(calls).hasSize(1);
        assertThat(scheduler.timetable().getFirst().at()).isEqualTo("2026-11-30T21:10:00Z");
        assertThat(scheduler.fireDue()).as("nothing more is due at 21:05").isEmpty();
    }

    @Test
    void fireDue_acrossSpringForward_skipsTheHourThatDoesNotExist() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-08T05:30:00Z"));
        LocalScheduler scheduler = scheduler(clock, schedule("hourly", "cron(0 * * * ? *)", "America/New_York"));

        List<LocalDateTime> fired = fireThrough(clock, scheduler, 3);

        assertThat(fired).containsExactly(LocalDateTime.parse("2026-03-08T01:00"), LocalDateTime.parse("2026-03-08T03:00"),
                LocalDateTime.parse("2026-03-08T04:00"));
    }

    @Test
    void fireDue_acrossFallBack_firesTheRepeatedTimeOnce() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-10-31T12:00:00Z"));
        LocalScheduler scheduler = scheduler(clock, schedule("half-past-one", "cron(30 1 * * ? *)", "America/New_York"));

        List<Instant> fired = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Instant next = scheduler.timetable().getFirst().at();
            clock.advance(Duration.between(clock.instant(), next));
            awaitAll(scheduler.fireDue());
            fired.add(next);
        }

        // 01:30 EDT on Nov 1 (05:30Z), not again at 01:30 EST (06:30Z) an hour later, then 01:30 EST on Nov 2
        assertThat(fired).containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(calls).hasSize(2);
    }

    @Test
    void fireDue_forJakarta_firesAtHalfPastMidnightLocal() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T12:00:00Z"));
        LocalScheduler scheduler = scheduler(clock, schedule("jakarta-midnight", "cron(30 0 * * ? *)", "Asia/Jakarta"));

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T17:30:00Z")));
        awaitAll(scheduler.fireDue());

        assertThat(calls).hasSize(1);
        assertThat(scheduler.timetable().getFirst().at()).isEqualTo("2026-12-01T17:30:00Z");
    }

    @Test
    void fireDue_givesThePayloadAsTheInput_andAFreshRunIdAsTheRequestId() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T21:00:00Z"));
        var sweep = new Trigger.Schedule(ScheduleExpression.parse("rate(1 minute)"), ZoneId.of("UTC"), "{\"sweep\":\"stuck\",\"limit\":50}");
        LocalScheduler scheduler = scheduler(clock, scheduled("sweeper", sweep, input -> Map.of("swept", 0)));

        clock.advance(Duration.ofMinutes(1));
        ScheduleRun first = awaitAll(scheduler.fireDue()).getFirst();
        clock.advance(Duration.ofMinutes(1));
        ScheduleRun second = awaitAll(scheduler.fireDue()).getFirst();

        assertThat(calls).extracting(Call::input).containsOnly(Map.of("sweep", "stuck", "limit", 50));
        assertThat(first).isEqualTo(new ScheduleRun.Answered("sweeper", calls.get(0).requestId(), Map.of("swept", 0)));
        assertThat(second.runId()).isEqualTo(calls.get(1).requestId()).isNotEqualTo(first.runId())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void fireDue_whenARunFails_reportsIt_andTheNextRunStillHappens() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T21:00:00Z"));
        var keeper = Trigger.Schedule.of("rate(5 minutes)", "UTC");
        LocalScheduler scheduler = scheduler(clock, scheduled("keeper", keeper, input -> {
            if (calls.size() == 1) {
                throw new IllegalStateException("Step Functions is unreachable");
            }
            return Map.of();
        }));

        clock.advance(Duration.ofMinutes(5));
        ScheduleRun failed = awaitAll(scheduler.fireDue()).getFirst();
        clock.advance(Duration.ofMinutes(5));
        ScheduleRun next = awaitAll(scheduler.fireDue()).getFirst();

        assertThat(failed).isInstanceOfSatisfying(ScheduleRun.Failed.class,
                f -> assertThat(f.error()).hasMessage("Step Functions is unreachable"));
        assertThat(failures).containsExactly("schedule keeper run " + failed.runId());
        assertThat(next).isInstanceOf(ScheduleRun.Answered.class);
    }

    @Test
    void fireDue_afterTheMachineSlept_runsOnceAndPlansFromNow() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T21:00:00Z"));
        LocalScheduler scheduler = scheduler(clock, schedule("keeper", "rate(5 minutes)", "UTC"));

        clock.advance(Duration.ofMinutes(62));
        awaitAll(scheduler.fireDue());

        assertThat(calls).hasSize(1);
        assertThat(scheduler.timetable().getFirst().at()).isEqualTo("2026-11-30T22:05:00Z");
    }

    @Test
    void runNow_runsTheFunctionOnce_andLeavesTheTimetableAlone() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-11-30T21:00:00Z"));
        LocalScheduler scheduler = scheduler(clock, schedule("keeper", "rate(5 minutes)", "UTC"));

        ScheduleRun run = scheduler.runNow("keeper").orElseThrow().get(1, TimeUnit.MINUTES);

        assertThat(calls).singleElement().extracting(Call::requestId).isEqualTo(run.runId());
        assertThat(scheduler.timetable().getFirst().at()).isEqualTo("2026-11-30T21:05:00Z");
        assertThat(scheduler.runNow("nope")).isEmpty();
    }

    @Test
    void scheduledFunction_whenThePayloadIsNotAJsonObject_isRefusedAtOnce() {
        var broken = new Trigger.Schedule(ScheduleExpression.parse("rate(1 hour)"), ZoneId.of("UTC"), "{\"unclosed\": ");

        assertThatThrownBy(() -> scheduled("broken", broken, input -> Map.of()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not a JSON object");
    }

    private List<LocalDateTime> fireThrough(AdjustableClock clock, LocalScheduler scheduler, int runs) throws Exception {
        List<LocalDateTime> fired = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            NextRun next = scheduler.timetable().getFirst();
            clock.advance(Duration.between(clock.instant(), next.at()));
            awaitAll(scheduler.fireDue());
            fired.add(LocalDateTime.ofInstant(next.at(), next.zone()));
        }
        assertThat(calls).hasSize(runs);
        return fired;
    }

    private LocalScheduler scheduler(AdjustableClock clock, ScheduledFunction... schedules) {
        LocalScheduler scheduler = new LocalScheduler(List.of(schedules), clock, (what, cause) -> failures.add(what));
        schedulers.add(scheduler);
        return scheduler;
    }

    private ScheduledFunction schedule(String name, String expression, String zone) {
        return scheduled(name, Trigger.Schedule.of(expression, zone), input -> Map.of());
    }

    private ScheduledFunction scheduled(String name, Trigger.Schedule schedule, Function<Map<String, Object>, Map<String, Object>> answer) {
        RequestHandler<Map<String, Object>, Map<String, Object>> handler = (Map<String, Object> input, Context context) -> {
            calls.add(new Call(name, input, context.getAwsRequestId()));
            return answer.apply(input);
        };
        FunctionDef function = FunctionDef.builder(name).module("functions/test").handler("test.Scheduled").trigger(schedule).build();
        return new ScheduledFunction(new LocalFunction<>(function, handler), schedule);
    }

    private static List<ScheduleRun> awaitAll(List<CompletableFuture<ScheduleRun>> runs) throws Exception {
        List<ScheduleRun> done = new ArrayList<>();
        for (CompletableFuture<ScheduleRun> run : runs) {
            done.add(run.get(1, TimeUnit.MINUTES));
        }
        return done;
    }
}
