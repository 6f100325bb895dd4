package com.warroom.alarms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Evaluates alarm rules as CloudWatch does, over values from any {@link MetricData}: the last
 * {@code evaluationPeriods} periods (aligned to the epoch, the one in progress included so that a laptop sees a change
 * at once), each breaching or not by the comparison or by the rule's {@link MissingData}, ALARM when
 * {@code datapointsToAlarm} of them breach.
 */
public final class AlarmEvaluation {

    /** How many earlier evaluations are replayed to find since when the state holds. */
    static final int HISTORY_STEPS = 12;
    /** How far back a rule that ignores missing data looks for its latest values. */
    public static final Duration IGNORE_LOOKBACK = Duration.ofDays(2);

    private final MetricData data;
    private final Clock clock;

    public AlarmEvaluation(MetricData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public List<AlarmStatus> evaluate(List<AlarmRule> rules) {
        return rules.stream().map(this::evaluate).toList();
    }

    public AlarmStatus evaluate(AlarmRule rule) {
        Instant now = clock.instant();
        Duration period = rule.period();
        Instant current = periodStart(now, period);
        int steps = Math.max(rule.evaluationPeriods(), HISTORY_STEPS);
        Duration reach = period.multipliedBy((long) rule.evaluationPeriods() + steps);
        if (rule.missingData() == MissingData.IGNORE) {
            reach = reach.plus(IGNORE_LOOKBACK);
        }
        Instant from = current.minus(reach);
        MetricData.Series series = data.values(rule.watched(), period, from, current.plus(period));
        Evaluated latest = state(rule, series, current, from);
        Optional<Instant> since = Optional.empty();
        for (int back = 1; back <= steps; back++) {
            Instant end = current.minus(period.multipliedBy(back));
            if (windowStart(rule, end).isBefore(series.knownFrom()) && rule.missingData() != MissingData.IGNORE
                    || end.isBefore(series.knownFrom())) {
                break;
            }
            if (state(rule, series, end, from).state() != latest.state()) {
                since = Optional.of(end.plus(period));
                break;
            }
        }
        return new AlarmStatus(rule, latest.state(), latest.value(), since, now);
    }

    /**
     * How many times the rule went into ALARM in {@code [from, to)}, replaying its evaluation period by period over the
     * values read once: what CloudWatch's alarm history says in AWS, for a source that has no alarms (the laptop). A
     * rule in ALARM when the window opens counts once; a queue's depth has no history and counts nothing.
     */
    public int firings(AlarmRule rule, Instant from, Instant to) {
        if (rule.watched() instanceof Watched.DeadLetters) {
            return 0;
        }
        Duration period = rule.period();
        Instant first = periodStart(from, period);
        Duration reach = period.multipliedBy(rule.evaluationPeriods());
        if (rule.missingData() == MissingData.IGNORE) {
            reach = reach.plus(IGNORE_LOOKBACK);
        }
        MetricData.Series series = data.values(rule.watched(), period, first.minus(reach), to);
        int firings = 0;
        AlarmState previous = AlarmState.OK;
        for (Instant last = first; last.isBefore(to); last = last.plus(period)) {
            AlarmState state = state(rule, series, last, last.minus(reach)).state();
            if (state == AlarmState.ALARM && previous != AlarmState.ALARM) {
                firings++;
            }
            previous = state;
        }
        return firings;
    }

    private record Evaluated(AlarmState state, Optional<Double> value) {
    }

    // the state of the evaluation whose last period starts at `last`
    private static Evaluated state(AlarmRule rule, MetricData.Series series, Instant last, Instant lookbackStart) {
        SortedMap<Instant, Double> values = series.values();
        Instant first = windowStart(rule, last);
        SortedMap<Instant, Double> window = values.subMap(first, last.plus(rule.period()));
        Optional<Double> latest = window.isEmpty() ? Optional.empty() : Optional.of(window.get(window.lastKey()));
        return switch (rule.missingData()) {
            case BREACHING, NOT_BREACHING -> {
                boolean missingBreaches = rule.missingData() == MissingData.BREACHING;
                int breaching = 0;
                for (int i = 0; i < rule.evaluationPeriods(); i++) {
                    Double value = window.get(first.plus(rule.period().multipliedBy(i)));
                    if (value == null ? missingBreaches : rule.comparison().breaches(value, rule.threshold())) {
                        breaching++;
                    }
                }
                yield new Evaluated(breaching >= rule.datapointsToAlarm() ? AlarmState.ALARM : AlarmState.OK, latest);
            }
            case MISSING -> window.isEmpty() ? new Evaluated(AlarmState.INSUFFICIENT_DATA, latest)
                    : new Evaluated(breaches(rule, new ArrayList<>(window.values())) >= rule.datapointsToAlarm()
                            ? AlarmState.ALARM : AlarmState.OK, latest);
            case IGNORE -> {
                // the latest evaluationPeriods values reported, however far back within the lookback
                List<Double> reported = new ArrayList<>(values.headMap(last.plus(rule.period())).tailMap(lookbackStart).values());
                List<Double> newest = reported.subList(Math.max(0, reported.size() - rule.evaluationPeriods()), reported.size());
                if (newest.isEmpty()) {
                    yield new Evaluated(AlarmState.INSUFFICIENT_DATA, Optional.empty());
                }
                int needed = Math.min(rule.datapointsToAlarm(), newest.size());
                yield new Evaluated(breaches(rule, newest) >= needed ? AlarmState.ALARM : AlarmState.OK,
                        Optional.of(newest.getLast()));
            }
        };
    }

    private static int breaches(AlarmRule rule, List<Double> values) {
        return (int) values.stream().filter(v -> rule.comparison().breaches(v, rule.threshold())).count();
    }

    private static Instant windowStart(AlarmRule rule, Instant last) {
        return last.minus(rule.period().multipliedBy(rule.evaluationPeriods() - 1L));
    }

    /** The start of the period that holds {@code at}: periods are aligned to the epoch, as CloudWatch aligns them. */
    public static Instant periodStart(Instant at, Duration period) {
        long seconds = period.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    /** Aggregates raw points (time, value) into period values by the statistic: what a local source answers. */
    public static SortedMap<Instant, Double> aggregate(List<Map.Entry<Instant, Double>> points, Statistic statistic, Duration period,
                                                      Instant from, Instant to) {
        java.util.TreeMap<Instant, List<Double>> byPeriod = new java.util.TreeMap<>();
        for (Map.Entry<Instant, Double> point : points) {
            Instant start = periodStart(point.getKey(), period);
            if (!start.isBefore(from) && start.isBefore(to)) {
                byPeriod.computeIfAbsent(start, s -> new ArrayList<>()).add(point.getValue());
            }
        }
        java.util.TreeMap<Instant, Double> values = new java.util.TreeMap<>();
        byPeriod.forEach((start, list) -> values.put(start, statistic.aggregate(list)));
        return values;
    }
}
