package com.warroom.infra;

import com.warroom.alarms.BurnRateWindows;
import com.warroom.alarms.Watched;
import com.warroom.slo.SliCounts;
import com.warroom.slo.SliMetric;
import com.warroom.slo.Slo;
import com.warroom.slo.SloCatalog;
import com.warroom.topology.Topology;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.amazon.awscdk.services.cloudwatch.AlarmState;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The burn-rate alerts of one pair of windows (e.g. page at 14.4x over 1 h and 5 min) of every SLO of the catalog
 * (config/slo.json), in a nested stack of their own under {@link Monitoring} (about 100 alarms each, well within
 * CloudFormation's 500 resources and 1 MB of template): for each SLO and that pair of {@link BurnRateWindows#SRE_WORKBOOK},
 * one metric-math alarm per window
 * (error ratio over the window &gt; factor × (1 − objective); the window is the alarm's one period, so it slides) and a
 * composite alarm that is ALARM when both windows are. Pages go to the alerts topic, tickets to ops-notices.
 * <p>
 * CloudWatch limits shape it: an alarm's math may read at most 10 metrics, so an API SLO whose route group has more than
 * {@link #ROUTES_PER_ALARM} routes is measured in parts of at most that many routes, and its alert goes off when one
 * part burns in both windows (a part's ratio is at least the group's whenever the group burns, so no burn is missed;
 * a busy part can page alone). Metrics Insights could sum every route in one query, but alarms on it see only 3 hours.
 * A period of 1 hour or more may span at most 7 days of evaluation (the 3-day window is one period of 3 days); a shorter
 * one at most a day.
 */
public final class SloBurnRateAlarms extends NestedStack {

    /** CloudWatch's limit on the metrics one alarm's math reads. */
    static final int MAX_METRICS_PER_ALARM = 10;
    /** Two metrics per route (bad or good, and total). */
    static final int ROUTES_PER_ALARM = MAX_METRICS_PER_ALARM / 2;
    static final String OWNER_TAG = WarroomAlarms.OWNER_TAG;

    /** What the alerts watch and where they go. */
    public record Props(String stackName, BurnRateWindows windows, SloCatalog catalog, Topology topology, IHttpApi api,
                        Optional<ITopic> pages, Optional<ITopic> tickets, String readmeUrl) {
    }

    /** One SLO's alert for one pair of windows: the composite and the window alarms it combines, per part. */
    public record BurnAlert(Slo slo, BurnRateWindows windows, CompositeAlarm composite, List<Alarm> longWindow,
                            List<Alarm> shortWindow) {
    }

    private final List<BurnAlert> alerts = new ArrayList<>();

    public SloBurnRateAlarms(Construct scope, String id, Props props) {
        super(scope, id, NestedStackProps.builder()
                .description("Warroom SLO burn-rate alerts: " + props.windows().severity().label() + " at "
                        + props.windows().factorLabel() + " over " + BurnRateWindows.label(props.windows().longWindow()) + " and "
                        + BurnRateWindows.label(props.windows().shortWindow()) + " (SRE workbook multi-window, multi-burn-rate)")
                .build());
        for (Slo slo : props.catalog().slos()) {
            SliCounts counts = props.catalog().metrics(slo, props.topology());
            if (counts.total().isEmpty()) {
                // a route group with no route in this topology (the test topologies): nothing to measure
                continue;
            }
            List<Part> parts = parts(counts);
            String sloId = ConstructIds.pascal(slo.id());
            for (BurnRateWindows windows : BurnRateWindows.SRE_WORKBOOK) {
                if (!windows.equals(props.windows())) {
                    continue;
                }
                String pairId = sloId + ConstructIds.pascal(windows.severity().label()) + BurnRateWindows.label(windows.longWindow());
                List<Alarm> longAlarms = new ArrayList<>();
                List<Alarm> shortAlarms = new ArrayList<>();
                List<IAlarmRule> bothWindows = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    Alarm longAlarm = window(props, slo, windows, windows.longWindow(), parts, i, pairId);
                    Alarm shortAlarm = window(props, slo, windows, windows.shortWindow(), parts, i, pairId);
                    longAlarms.add(longAlarm);
                    shortAlarms.add(shortAlarm);
                    bothWindows.add(AlarmRule.allOf(AlarmRule.fromAlarm(longAlarm, AlarmState.ALARM),
                            AlarmRule.fromAlarm(shortAlarm, AlarmState.ALARM)));
                }
                CompositeAlarm composite = CompositeAlarm.Builder.create(this, pairId)
                        .compositeAlarmName(alertName(props.stackName(), slo, windows))
                        .alarmDescription(description(props, slo, windows, parts.size()))
                        .alarmRule(bothWindows.size() == 1 ? bothWindows.getFirst() : AlarmRule.anyOf(bothWindows.toArray(IAlarmRule[]::new)))
                        .build();
                Tags.of(composite).add(OWNER_TAG, slo.owner().tag());
                Optional<ITopic> topic = windows.severity() == BurnRateWindows.Severity.PAGE ? props.pages() : props.tickets();
                topic.ifPresent(t -> {
                    composite.addAlarmAction(new SnsAction(t));
                    composite.addOkAction(new SnsAction(t));
                });
                alerts.add(new BurnAlert(slo, windows, composite, List.copyOf(longAlarms), List.copyOf(shortAlarms)));
            }
        }
    }

    /** Every alert of this pair of windows: one per SLO, in catalog order. */
    public List<BurnAlert> alerts() {
        return Collections.unmodifiableList(alerts);
    }

    /** {@code Warroom-slo-webhook-success-page-1h}: the alert people see. */
    static String alertName(String stackName, Slo slo, BurnRateWindows windows) {
        return stackName + "-slo-" + slo.id() + "-" + windows.severity().label() + "-" + BurnRateWindows.label(windows.longWindow());
    }

    /** {@code Warroom-slo-webhook-success-14.4x-5m} (and {@code -part2} ...): one window of one alert. */
    static String windowName(String stackName, Slo slo, BurnRateWindows windows, Duration window, int part, int parts) {
        return stackName + "-slo-" + slo.id() + "-" + windows.factorLabel() + "-" + BurnRateWindows.label(window)
                + (parts == 1 ? "" : "-part" + (part + 1));
    }

    private Alarm window(Props props, Slo slo, BurnRateWindows windows, Duration window, List<Part> parts, int part, String pairId) {
        software.amazon.awscdk.Duration period = software.amazon.awscdk.Duration.seconds(window.toSeconds());
        BigDecimal threshold = windows.threshold(slo.objective());
        return Alarm.Builder.create(this, pairId + BurnRateWindows.label(window) + (parts.size() == 1 ? "" : "Part" + (part + 1)))
                .alarmName(windowName(props.stackName(), slo, windows, window, part, parts.size()))
                .alarmDescription("Warroom SLO " + slo.id() + ": error ratio over " + BurnRateWindows.label(window) + " > "
                        + windows.factor().toPlainString() + " x (1 - " + slo.objective().toPlainString() + ") = "
                        + threshold.toPlainString() + (parts.size() == 1 ? "" : " (routes part " + (part + 1) + " of " + parts.size() + ")")
                        + ". One window of " + alertName(props.stackName(), slo, windows) + ", which is the alert. Owner: "
                        + slo.owner().tag() + ". Runbook: " + props.readmeUrl() + "#" + slo.runbook())
                .metric(errorRatio(props, parts.get(part), period, slo))
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .threshold(threshold.doubleValue())
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                // no requests or events in a window burn no budget
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    /**
     * {@code IF(total > 0, bad / total, 0)} over one period of the window, or {@code 1 - good / total} when the SLI counts
     * good events; each metric FILLed with 0, so a route without requests in the window does not blank the sum.
     */
    static MathExpression errorRatio(Props props, Part part, software.amazon.awscdk.Duration period, Slo slo) {
        Map<String, IMetric> using = new TreeMap<>();
        List<String> events = new ArrayList<>();
        List<String> total = new ArrayList<>();
        for (int i = 0; i < part.events().size(); i++) {
            using.put("e" + i, metric(props, part.events().get(i), period));
            events.add("FILL(e" + i + ", 0)");
        }
        for (int i = 0; i < part.total().size(); i++) {
            using.put("t" + i, metric(props, part.total().get(i), period));
            total.add("FILL(t" + i + ", 0)");
        }
        String eventSum = "(" + String.join(" + ", events) + ")";
        String totalSum = "(" + String.join(" + ", total) + ")";
        String ratio = part.counted() == SliCounts.Counted.BAD ? eventSum + " / " + totalSum : "1 - " + eventSum + " / " + totalSum;
        return MathExpression.Builder.create()
                .expression("IF(" + totalSum + " > 0, " + ratio + ", 0)")
                .usingMetrics(using)
                .label(slo.id() + " error ratio")
                .period(period)
                .build();
    }

    private static IMetric metric(Props props, SliMetric sli, software.amazon.awscdk.Duration period) {
        Map<String, String> dimensions = new LinkedHashMap<>(sli.dimensions());
        if (Watched.ApiMetric.NAMESPACE.equals(sli.namespace())) {
            // the deployment's API and its one stage; the catalog names only the route
            dimensions.put(Watched.ApiMetric.API_ID, props.api().getApiId());
            dimensions.put(Watched.ApiMetric.STAGE, Watched.ApiMetric.DEFAULT_STAGE);
        }
        return Metric.Builder.create().namespace(sli.namespace()).metricName(sli.metricName()).dimensionsMap(dimensions)
                .statistic(sli.statistic()).period(period).build();
    }

    /** The SLI's metrics in parts that fit one alarm: per route for the API, so a route's two metrics stay together. */
    static List<Part> parts(SliCounts counts) {
        if (counts.events().size() + counts.total().size() <= MAX_METRICS_PER_ALARM) {
            return List.of(new Part(counts.counted(), counts.events(), counts.total()));
        }
        if (counts.events().size() != counts.total().size()) {
            throw new IllegalStateException("an SLI of more than " + MAX_METRICS_PER_ALARM + " metrics pairs them per route");
        }
        int routes = counts.events().size();
        int partsNeeded = (routes + ROUTES_PER_ALARM - 1) / ROUTES_PER_ALARM;
        // balanced parts: 7 routes are 4 + 3, not 5 + 2
        int perPart = new BigDecimal(routes).divide(new BigDecimal(partsNeeded), 0, RoundingMode.CEILING).intValue();
        List<Part> parts = new ArrayList<>();
        for (int from = 0; from < routes; from += perPart) {
            int to = Math.min(routes, from + perPart);
            parts.add(new Part(counts.counted(), counts.events().subList(from, to), counts.total().subList(from, to)));
        }
        return parts;
    }

    /** Metrics one alarm reads: events (bad or good) and totals. */
    record Part(SliCounts.Counted counted, List<SliMetric> events, List<SliMetric> total) {
    }

    private static String description(Props props, Slo slo, BurnRateWindows windows, int parts) {
        BigDecimal threshold = windows.threshold(slo.objective());
        String description = "Warroom SLO " + slo.name() + " (" + slo.id() + ", objective " + percent(slo.objective()) + " over "
                + slo.window().toDays() + " days) burns its error budget at " + windows.factorLabel() + ": error ratio over "
                + threshold.toPlainString() + " in both the last " + BurnRateWindows.label(windows.longWindow()) + " and the last "
                + BurnRateWindows.label(windows.shortWindow())
                + (parts == 1 ? "" : " (in one of " + parts + " parts of its routes)") + ". "
                + (windows.severity() == BurnRateWindows.Severity.PAGE ? "Page: act now." : "Ticket: look within a working day.")
                + " Owner: " + slo.owner().tag() + ". Runbook: " + props.readmeUrl() + "#" + slo.runbook();
        if (description.length() > WarroomAlarms.MAX_DESCRIPTION) {
            throw new IllegalStateException("the description of " + slo.id() + " is over " + WarroomAlarms.MAX_DESCRIPTION);
        }
        return description;
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
