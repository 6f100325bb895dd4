package com.warroom.slo;

import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.MetricData;
import com.warroom.alarms.MetricsSettings;
import com.warroom.alarms.data.CloudWatchMetrics;
import com.warroom.alarms.data.LocalMetricFile;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.observability.MetricPoint;
import com.warroom.observability.OpsNotices;
import com.warroom.slo.history.AlarmHistory;
import com.warroom.slo.history.CloudWatchAlarmHistory;
import com.warroom.slo.history.ReplayedAlarmHistory;
import com.warroom.slo.history.WeekIncidents;
import com.warroom.slo.measure.IndexRange;
import com.warroom.slo.measure.SliMeasurer;
import com.warroom.slo.measure.TableCounts;
import com.warroom.slo.report.ReportStore;
import com.warroom.slo.report.SloReporter;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The reporter as the handlers' no-arg constructors build it from the environment: metrics from the runner's file when
 * it set one (locally) and the alarms replayed over it, CloudWatch's metrics and alarm history otherwise.
 */
public final class Wiring {

    /** The stack's name where no CDK app names one (locally): WarroomApp's. */
    static final String DEFAULT_STACK_NAME = "Warroom";

    private Wiring() {
    }

    public static SloReporter reporter(Clock clock) {
        Optional<String> localFile = Settings.find(MetricPoint.FILE_SETTING);
        String stackName = Settings.find(MetricsSettings.STACK_NAME_ENV_VAR).orElse(DEFAULT_STACK_NAME);
        MetricData metrics = localFile.<MetricData>map(file -> new LocalMetricFile(Path.of(file)))
                .orElseGet(() -> new CloudWatchMetrics(AwsClients.cloudWatch(),
                        new CloudWatchMetrics.Names(Settings.find(MetricsSettings.API_ID_ENV_VAR), stackName)));
        AlarmHistory alarms = localFile.isPresent() ? new ReplayedAlarmHistory(AlarmCatalog.warroom(), new AlarmEvaluation(metrics, clock))
                : new CloudWatchAlarmHistory(AwsClients.cloudWatch(), stackName);
        IndexRange index = new IndexRange(AwsClients.dynamoDb());
        TableCounts tables = new TableCounts(index, new TableCounts.Tables(Settings.require(Topology.PAYOUTS.envVar()),
                Settings.require(Topology.ORDERS.envVar()), Settings.require(Topology.PLATFORM_EVENTS.envVar())));
        return new SloReporter(SloCatalog.load(), new SliMeasurer(SloCatalog.load(), Topology.warroom(), metrics, tables),
                new SloReporter.History(new WeekIncidents(index, Settings.require(Topology.INCIDENTS.envVar())), alarms),
                new ReportStore(AwsClients.s3(), Settings.require(Topology.SLO_REPORTS.nameEnvVar())),
                OpsNotices.fromSettings(AwsClients.sns()), clock);
    }
}
