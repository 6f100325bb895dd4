package com.warroom.infra;

import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.AlarmRule;
import com.warroom.alarms.Comparison;
import com.warroom.alarms.MissingData;
import com.warroom.alarms.RunbookLink;
import com.warroom.alarms.Watched;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Every alarm of the {@link AlarmCatalog}, built as its rule says, each tagged with its {@code owner} and described
 * with what it means and its runbook's link; ALARM and OK go to the alerts topic when the topology has one.
 */
public final class WarroomAlarms extends Construct {

    /** Alarm descriptions are at most this long. */
    static final int MAX_DESCRIPTION = 1024;
    static final String OWNER_TAG = "owner";

    /** What the alarms watch and where they tell it. */
    public record Props(String stackName, Topology topology, Map<FunctionDef, WarroomFunction> functions, WorkQueues queues, IHttpApi api,
                        Optional<ITopic> alerts, String readmeUrl) {
    }

    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final String readmeUrl;

    public WarroomAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        this.readmeUrl = props.readmeUrl();
        String stackName = props.stackName();
        for (AlarmRule rule : AlarmCatalog.of(props.topology())) {
            Alarm alarm = Alarm.Builder.create(this, ConstructIds.pascal(rule.name()))
                    .alarmName(rule.alarmName(stackName))
                    .alarmDescription(description(rule, readmeUrl))
                    .metric(metric(rule, props))
                    .comparisonOperator(comparison(rule.comparison()))
                    .threshold(rule.threshold())
                    .evaluationPeriods(rule.evaluationPeriods())
                    .datapointsToAlarm(rule.datapointsToAlarm())
                    .treatMissingData(missing(rule.missingData()))
                    .build();
            Tags.of(alarm).add(OWNER_TAG, rule.owner().tag());
            props.alerts().ifPresent(topic -> {
                alarm.addAlarmAction(new SnsAction(topic));
                alarm.addOkAction(new SnsAction(topic));
            });
            alarms.put(rule.name(), alarm);
        }
    }

    /** The alarm of a rule, by the rule's name ({@code payout-failures}). */
    public Alarm alarm(String ruleName) {
        Alarm alarm = alarms.get(ruleName);
        if (alarm == null) {
            throw new IllegalArgumentException("no alarm " + ruleName + " in the catalogue");
        }
        return alarm;
    }

    public Map<String, Alarm> all() {
        return java.util.Collections.unmodifiableMap(alarms);
    }

    /** The README the runbook links point into. */
    public String readmeUrl() {
        return readmeUrl;
    }

    /** {@code Warroom <trip>: <meaning> Runbook: <README URL>#<anchor>}: enough to act on the alarm alone. */
    static String description(AlarmRule rule, String readmeUrl) {
        String description = "Warroom " + rule.trip() + ": " + rule.meaning() + " Owner: " + rule.owner().tag() + ". Runbook: "
                + RunbookLink.of(readmeUrl, rule);
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalStateException("the description of " + rule.name() + " is over " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static IMetric metric(AlarmRule rule, Props props) {
        Duration period = Duration.seconds(rule.period().toSeconds());
        Watched watched = rule.watched();
        MetricOptions options = MetricOptions.builder().period(period).statistic(watched.statistic().cloudWatchName()).build();
        return switch (watched) {
            // Powertools adds Service (the function) to every count, and several functions may count one name: a
            // Metrics Insights query over the namespace takes every series with the rule's dimensions
            case Watched.WarroomMetric metric when !metric.plain() -> MathExpression.Builder.create()
                    .expression(metric.insightsQuery()).usingMetrics(Map.of()).label(metric.metricName()).period(period).build();
            case Watched.WarroomMetric metric -> Metric.Builder.create().namespace(metric.namespace()).metricName(metric.metricName())
                    .dimensionsMap(metric.dimensions()).period(period).statistic(metric.statistic().cloudWatchName()).build();
            case Watched.ApiMetric api -> Metric.Builder.create().namespace(api.namespace()).metricName(api.metricName())
                    .dimensionsMap(Map.of("ApiId", props.api().getApiId())).period(period)
                    .statistic(api.statistic().cloudWatchName()).build();
            case Watched.LambdaMetric lambda -> lambda.function()
                    .map(name -> function(props, name).function().metric(lambda.metricName(), options))
                    // Lambda publishes the account's aggregate of every function without dimensions
                    .orElseGet(() -> Metric.Builder.create().namespace(lambda.namespace()).metricName(lambda.metricName())
                            .period(period).statistic(lambda.statistic().cloudWatchName()).build());
            case Watched.DeadLetters queue -> props.queues().deadLetterQueue(queue.queue()).metricApproximateNumberOfMessagesVisible(options);
        };
    }

    private static WarroomFunction function(Props props, String name) {
        return props.functions().entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("an alarm watches " + name + ", which is not in the topology"));
    }

    private static ComparisonOperator comparison(Comparison comparison) {
        return switch (comparison) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
            case GREATER_THAN_THRESHOLD -> ComparisonOperator.GREATER_THAN_THRESHOLD;
            case LESS_THAN_THRESHOLD -> ComparisonOperator.LESS_THAN_THRESHOLD;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD;
        };
    }

    private static TreatMissingData missing(MissingData missing) {
        return switch (missing) {
            case BREACHING -> TreatMissingData.BREACHING;
            case NOT_BREACHING -> TreatMissingData.NOT_BREACHING;
            case MISSING -> TreatMissingData.MISSING;
            case IGNORE -> TreatMissingData.IGNORE;
        };
    }
}
