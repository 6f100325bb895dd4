package com.warroom.alarms.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.alarms.AlarmCatalog;
import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.MetricData;
import com.warroom.alarms.MetricsSettings;
import com.warroom.alarms.RunbookLink;
import com.warroom.alarms.data.AlarmMetricData;
import com.warroom.alarms.data.CloudWatchMetrics;
import com.warroom.alarms.data.LocalMetricFile;
import com.warroom.alarms.data.QueueDepths;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.observability.MetricPoint;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The alarm routes: every alarm's state now, and a test alert on the alerts topic. */
public final class AlarmsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The stack's name where no CDK app names one (locally): WarroomApp's. */
    static final String LOCAL_STACK_NAME = "Warroom";

    private final ApiRouter router;

    public AlarmsHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private AlarmsHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(Sources.fromSettings(), new AlertTopic(AwsClients.sns(), Settings.require(Topology.ALERTS.arnEnvVar())),
                AuditLog.fromSettings(dynamo, clock), new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock),
                clock);
    }

    AlarmsHandler(Sources sources, AlertTopic topic, AuditLog audit, IdempotencyStore idempotency, Clock clock) {
        this.router = new ApiRouter(Map.of(
                ListAlarmsAction.ROUTE, new ListAlarmsAction(AlarmCatalog.warroom(), new AlarmEvaluation(sources.metrics(), clock),
                        sources.settings()),
                TestAlertAction.ROUTE, new TestAlertAction(new TestAlert(topic, audit, clock))), idempotency);
    }

    /**
     * Where the metrics come from: the runner's file when it set one (locally), CloudWatch otherwise; queue depths from
     * SQS either way.
     */
    record Sources(MetricData metrics, ListAlarmsAction.Settings settings) {

        static Sources fromSettings() {
            String readme = Settings.find(RunbookLink.ENV_VAR).orElse(RunbookLink.DEFAULT_README_URL);
            Optional<String> localFile = Settings.find(MetricPoint.FILE_SETTING);
            if (localFile.isPresent()) {
                return local(Path.of(localFile.get()), readme);
            }
            // the CDK app sets both; the stack's default name otherwise, so that constructing never fails
            String stackName = Settings.find(MetricsSettings.STACK_NAME_ENV_VAR).orElse(LOCAL_STACK_NAME);
            return new Sources(new AlarmMetricData(new CloudWatchMetrics(AwsClients.cloudWatch(),
                    new CloudWatchMetrics.Names(Settings.find(MetricsSettings.API_ID_ENV_VAR), stackName)),
                    new QueueDepths(AwsClients.sqs())),
                    new ListAlarmsAction.Settings(stackName, readme, "cloudwatch"));
        }

        static Sources local(Path file, String readme) {
            return new Sources(new AlarmMetricData(new LocalMetricFile(file), new QueueDepths(AwsClients.sqs())),
                    new ListAlarmsAction.Settings(LOCAL_STACK_NAME, readme, "local"));
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
