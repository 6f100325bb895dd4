package com.warroom.slo;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.data.LocalMetricFile;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.observability.MetricPoint;
import com.warroom.observability.OpsNotices;
import com.warroom.slo.api.SloReportsHandler;
import com.warroom.slo.history.ReplayedAlarmHistory;
import com.warroom.slo.history.WeekIncidents;
import com.warroom.slo.measure.IndexRange;
import com.warroom.slo.measure.SliMeasurer;
import com.warroom.slo.measure.TableCounts;
import com.warroom.slo.report.ReportStore;
import com.warroom.slo.report.SloReporter;
import com.warroom.slo.weekly.SloWeeklyHandler;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/** The SLO report over the embedded stack, a metric file the test writes as the runner does, and a clock it holds. */
public final class SloWorld {

    public final AdjustableClock clock;
    public final Path metricFile;
    public final SloReporter reporter;
    public final ReportStore store;
    private final EmbeddedStack stack;

    /** {@code bucket}: the reports bucket's name (a bucket of its own keeps a test's "latest" apart from others'). */
    public SloWorld(EmbeddedStack stack, Path metricFile, Instant now, String bucket) {
        this.stack = stack;
        this.clock = AdjustableClock.startingAt(now);
        this.metricFile = metricFile;
        LocalMetricFile metrics = new LocalMetricFile(metricFile);
        IndexRange index = new IndexRange(AwsClients.dynamoDb());
        TableCounts tables = new TableCounts(index, new TableCounts.Tables(Settings.require(Topology.PAYOUTS.envVar()),
                Settings.require(Topology.ORDERS.envVar()), Settings.require(Topology.PLATFORM_EVENTS.envVar())));
        this.store = new ReportStore(AwsClients.s3(), bucket);
        this.reporter = new SloReporter(SloCatalog.load(), new SliMeasurer(SloCatalog.load(), Topology.warroom(), metrics, tables),
                new SloReporter.History(new WeekIncidents(index, Settings.require(Topology.INCIDENTS.envVar())),
                        new ReplayedAlarmHistory(AlarmCatalog.warroom(), new AlarmEvaluation(metrics, clock))),
                store, new OpsNotices(AwsClients.sns(), stack.localSns().topicArn(Topology.OPS_NOTICES)), clock);
    }

    public SloReportsHandler api() {
        return new SloReportsHandler(reporter, new IdempotencyStore(AwsClients.dynamoDbEnhanced(),
                Settings.require(Topology.IDEMPOTENCY.envVar()), clock), clock);
    }

    public SloWeeklyHandler weekly() {
        return new SloWeeklyHandler(reporter);
    }

    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api().handleRequest(event, LocalLambdaContext.of("slo-api", 1024, 120));
    }

    public int notices() {
        return stack.localSns().published(Topology.OPS_NOTICES).size();
    }

    /** What the local gateway records for one request. */
    public void request(String route, int status, long millis, Instant at) {
        Map<String, String> dimensions = Map.of("ApiId", "local", "Stage", "$default", "Route", route);
        emit(new MetricPoint("AWS/ApiGateway", "Count", dimensions, 1, at));
        emit(new MetricPoint("AWS/ApiGateway", "4xx", dimensions, status / 100 == 4 ? 1 : 0, at));
        emit(new MetricPoint("AWS/ApiGateway", "5xx", dimensions, status / 100 == 5 ? 1 : 0, at));
        emit(new MetricPoint("AWS/ApiGateway", "Latency", dimensions, millis, at));
    }

    public void emit(MetricPoint point) {
        try {
            Files.writeString(metricFile, point.toJsonLine() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
