package com.warroom.alarms.data;

import com.warroom.alarms.MetricData;
import com.warroom.alarms.MetricsSettings;
import com.warroom.alarms.Watched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * CloudWatch's answer for what an alarm watches, asked as the alarm itself asks it: the same Metrics Insights query
 * for a Warroom metric that is not plain, the same metric and statistic otherwise (GetMetricData).
 */
public final class CloudWatchMetrics implements MetricData {

    /**
     * The HTTP API's id (set by the CDK app once the API exists; a metric of the API cannot be asked for without it)
     * and the stack's name: how AWS's own metrics of this Warroom are found.
     */
    public record Names(java.util.Optional<String> apiId, String stackName) {
    }

    private static final String QUERY_ID = "q";


    private final CloudWatchClient cloudWatch;
    private final Names names;

    public CloudWatchMetrics(CloudWatchClient cloudWatch, Names names) {
        this.cloudWatch = cloudWatch;
        this.names = names;
    }

    @Override
    public Series values(Watched watched, Duration period, Instant from, Instant to) {
        GetMetricDataRequest.Builder request = GetMetricDataRequest.builder().startTime(from).endTime(to)
                .metricDataQueries(query(watched, (int) period.toSeconds()));
        SortedMap<Instant, Double> values = new TreeMap<>();
        String token = null;
        do {
            GetMetricDataResponse page = cloudWatch.getMetricData(request.nextToken(token).build());
            for (MetricDataResult result : page.metricDataResults()) {
                for (int i = 0; i < result.timestamps().size(); i++) {
                    values.merge(result.timestamps().get(i), result.values().get(i), Double::sum);
                }
            }
            token = page.nextToken();
        } while (token != null);
        return new Series(values, from);
    }

    MetricDataQuery query(Watched watched, int periodSeconds) {
        MetricDataQuery.Builder query = MetricDataQuery.builder().id(QUERY_ID).returnData(true);
        if (watched instanceof Watched.WarroomMetric metric && !metric.plain()) {
            return query.expression(metric.insightsQuery()).period(periodSeconds).build();
        }
        Metric metric = Metric.builder().namespace(watched.namespace()).metricName(watched.metricName())
                .dimensions(dimensions(watched)).build();
        return query.metricStat(MetricStat.builder().metric(metric).period(periodSeconds)
                .stat(watched.cloudWatchStatistic()).build()).build();
    }

    private List<Dimension> dimensions(Watched watched) {
        List<Dimension> dimensions = new ArrayList<>();
        switch (watched) {
            case Watched.WarroomMetric metric -> metric.dimensions().forEach((name, value) -> dimensions.add(dimension(name, value)));
            case Watched.ApiMetric api -> {
                dimensions.add(dimension(Watched.ApiMetric.API_ID, names.apiId().orElseThrow(
                        () -> new IllegalStateException(MetricsSettings.API_ID_ENV_VAR + " is not set: the API's metrics cannot be read"))));
                // a route's own metrics (detailed metrics on the stage) carry the stage and the route key too
                api.route().ifPresent(route -> {
                    dimensions.add(dimension(Watched.ApiMetric.STAGE, Watched.ApiMetric.DEFAULT_STAGE));
                    dimensions.add(dimension(Watched.ApiMetric.ROUTE, route));
                });
            }
            case Watched.LambdaMetric lambda -> lambda.function()
                    .ifPresent(function -> dimensions.add(dimension(LocalMetricFile.LAMBDA_FUNCTION, names.stackName() + "-" + function)));
            case Watched.DeadLetters queue -> throw new IllegalArgumentException("queue depths come from SQS, not CloudWatch");
        }
        return dimensions;
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

}
