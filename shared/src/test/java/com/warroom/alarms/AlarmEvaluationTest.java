package com.warroom.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evaluation CloudWatch does, as the alarms route does it over any metric source. */
class AlarmEvaluationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** Points kept in memory, aggregated per period as the local metric file is. */
    private static final class Points implements MetricData {
        private final List<Map.Entry<Instant, Double>> points = new ArrayList<>();

        Points at(Instant at, double value) {
            points.add(new AbstractMap.SimpleEntry<>(at, value));
            return this;
        }

        @Override
        public Series values(Watched watched, Duration period, Instant from, Instant to) {
            return new Series(AlarmEvaluation.aggregate(points, watched.statistic(), period, from, to), from);
        }
    }

    private static AlarmStatus evaluate(AlarmRule rule, Points points, Instant now) {
        return new AlarmEvaluation(points, Clock.fixed(now, ZoneOffset.UTC)).evaluate(rule);
    }

    private static final AlarmRule TWO_OF_THREE = AlarmRule.named("failures").watches(Watched.WarroomMetric.sum("Failed"))
            .atLeast(2).datapoints(2, 3).owner(Owner.OPS).runbook("failures").meaning("m").build();

    @Test
    void mOfN_goesOffWhenEnoughPeriodsBreach_andSaysSinceWhen() {
        Points points = new Points().at(T0.plusSeconds(10), 1).at(T0.plusSeconds(20), 1)
                .at(T0.plusSeconds(310), 2);

        assertThat(evaluate(TWO_OF_THREE, points, T0.plusSeconds(30)).state()).as("one period breaching").isEqualTo(AlarmState.OK);
        AlarmStatus second = evaluate(TWO_OF_THREE, points, T0.plusSeconds(320));
        assertThat(second.state()).isEqualTo(AlarmState.ALARM);
        assertThat(second.value()).contains(2.0);
        assertThat(second.since()).contains(T0.plusSeconds(300));
        assertThat(evaluate(TWO_OF_THREE, points, T0.plusSeconds(900 + 1)).state()).as("both left the window").isEqualTo(AlarmState.OK);
    }

    @Test
    void missingData_countsAsTheRuleSays() {
        AlarmRule heartbeat = AlarmRule.named("silent").watches(Watched.WarroomMetric.sum("Ran")).below(1).datapoints(3, 3)
                .missingData(MissingData.BREACHING).owner(Owner.BACKEND).runbook("silent").meaning("m").build();
        AlarmRule gauge = AlarmRule.named("age").watches(Watched.WarroomMetric.maximum("Age", Map.of("kind", "payout"))).above(900)
                .missingData(MissingData.IGNORE).owner(Owner.OPS).runbook("age").meaning("m").build();
        AlarmRule unknown = AlarmRule.named("unknown").watches(Watched.WarroomMetric.sum("X")).missingData(MissingData.MISSING)
                .owner(Owner.OPS).runbook("unknown").meaning("m").build();

        assertThat(evaluate(heartbeat, new Points(), T0).state()).isEqualTo(AlarmState.ALARM);
        assertThat(evaluate(heartbeat, new Points().at(T0.minusSeconds(600), 1), T0).state()).isEqualTo(AlarmState.OK);
        assertThat(evaluate(gauge, new Points(), T0).state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(evaluate(gauge, new Points().at(T0.minus(Duration.ofHours(5)), 1000), T0).state())
                .as("the latest value, however old").isEqualTo(AlarmState.ALARM);
        assertThat(evaluate(unknown, new Points(), T0).state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(evaluate(TWO_OF_THREE, new Points(), T0).value()).isEmpty();
    }

    @Test
    void gauge_matchesOnlyPointsWithItsDimensions() {
        Watched.WarroomMetric payout = Watched.WarroomMetric.maximum("Age", Map.of("kind", "payout"));

        assertThat(payout.matches(Map.of("kind", "payout", "Service", "sweeper"))).isTrue();
        assertThat(payout.matches(Map.of("kind", "order"))).isFalse();
        Watched.WarroomMetric plain = new Watched.WarroomMetric("Ran", Map.of("Service", "reconcile-report"), Statistic.SUM);
        assertThat(plain.matches(Map.of("Service", "reconcile-report"))).isTrue();
        assertThat(plain.matches(Map.of("Service", "reconcile-report", "extra", "x"))).as("a plain metric is one dimension set").isFalse();
    }

    @Test
    void statistics_aggregateAPeriodsPoints() {
        List<Double> values = List.of(5.0, 1.0, 3.0, 100.0);

        assertThat(Statistic.SUM.aggregate(values)).isEqualTo(109);
        assertThat(Statistic.MAXIMUM.aggregate(values)).isEqualTo(100);
        assertThat(Statistic.AVERAGE.aggregate(values)).isEqualTo(27.25);
        assertThat(Statistic.P95.aggregate(values)).isEqualTo(100);
    }

    @Test
    void rules_refuseWhatCloudWatchWouldRefuse() {
        AlarmRule.Builder longInsights = AlarmRule.named("long").watches(Watched.WarroomMetric.sum("Ran")).period(Duration.ofHours(1))
                .datapoints(4, 4).owner(Owner.OPS).runbook("long").meaning("m");
        assertThatThrownBy(longInsights::build).hasMessageContaining("Service");
        assertThatThrownBy(() -> AlarmRule.named("x").watches(Watched.WarroomMetric.sum("A"))
                .datapoints(4, 3).owner(Owner.OPS).runbook("x").meaning("m").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlarmRule.named("Bad Name").watches(Watched.WarroomMetric.sum("A")).owner(Owner.OPS).runbook("x")
                .meaning("m").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlarmRule.named("day").watches(Watched.WarroomMetric.sum("A")).datapoints(1, 289)
                .owner(Owner.OPS).runbook("x").meaning("m").build()).hasMessageContaining("PT24H");
    }

    @Test
    void catalogue_hasUniqueNames_andTheAlarmsFunctionDescribesEveryQueue() {
        List<AlarmRule> rules = AlarmCatalog.warroom();

        assertThat(rules).extracting(AlarmRule::name).doesNotHaveDuplicates();
        assertThat(Topology.ALARMS_API.describesQueues()).as("every DLQ's depth").containsExactlyInAnyOrderElementsOf(Topology.warroom().queues());
        assertThat(Topology.warroom().topics()).contains(Topology.ALERTS);
        assertThat(Topology.ALARMS_API.publishesTo()).containsExactly(Topology.ALERTS);
        assertThat(AlarmCatalog.find(rules, "reconcile-not-run").map(AlarmRule::window)).contains(Duration.ofHours(26));
        assertThat(AlarmCatalog.find(rules, "nope")).isEqualTo(Optional.empty());
    }

    @Test
    void catalogue_whenTheTopologyHasTheIncidentKeeper_hasTheOverduePostmortemAlarmForOps() {
        AlarmRule overdue = AlarmCatalog.find(AlarmCatalog.warroom(), "postmortem-overdue").orElseThrow();

        assertThat(overdue.watched()).isEqualTo(Watched.WarroomMetric.maximum(AlarmCatalog.POSTMORTEMS_OVERDUE, java.util.Map.of()));
        assertThat(overdue.comparison()).isEqualTo(Comparison.GREATER_THAN_THRESHOLD);
        assertThat(overdue.threshold()).isZero();
        assertThat(overdue.period()).isEqualTo(Duration.ofHours(1));
        assertThat(overdue.owner()).isEqualTo(Owner.OPS);
        assertThat(overdue.runbook()).isEqualTo("post-mortem-overdue-metric-postmortemsoverdue-alarm-warroom-postmortem-overdue");
    }
}
