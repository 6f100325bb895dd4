package com.warroom.reconcile.run;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.reconcile.findings.FindingsStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the reconcile functions' no-arg constructors build from the environment. */
public final class Wiring {

    private Wiring() {
    }

    public static RunStore runs(DynamoDbClient dynamo) {
        return new RunStore(dynamo, Settings.require(Topology.RECONCILE_RUNS.envVar()), RunStore.DEFAULT_ABANDONED_AFTER);
    }

    public static FindingsStore findings(DynamoDbClient dynamo) {
        return new FindingsStore(dynamo, AwsClients.dynamoDbEnhanced(), Settings.require(Topology.RECONCILE_FINDINGS.envVar()));
    }

    public static ReportsBucket bucket() {
        return new ReportsBucket(AwsClients.s3(), Settings.require(Topology.RECONCILE_REPORTS.nameEnvVar()));
    }

    public static RunStarter starter(DynamoDbClient dynamo) {
        return new RunStarter(runs(dynamo), StepFunctionsWorkflow.fromSettings(AwsClients.sfn()), Clock.systemUTC());
    }
}
