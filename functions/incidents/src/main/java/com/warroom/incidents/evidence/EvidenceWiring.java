package com.warroom.incidents.evidence;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the {@link EvidenceCollector} from the environment the topology sets: only a handler's no-arg constructor calls this. */
public final class EvidenceWiring {

    private EvidenceWiring() {
    }

    /**
     * Tables and the evidence bucket from their variables; logs from Logs Insights over {@code WARROOM_LOG_GROUPS} when set
     * (AWS), else from the runner's files in {@code WARROOM_LOCAL_LOG_DIR} (local), else none (said so in each bundle).
     */
    public static EvidenceCollector fromEnvironment() {
        return of(AwsClients.dynamoDb(), AwsClients.s3(), Clock.systemUTC());
    }

    static EvidenceCollector of(DynamoDbClient dynamo, S3Client s3, Clock clock) {
        return new EvidenceCollector(new EvidenceRows(dynamo, tables()), logSearch(),
                new EvidenceBucket(s3, Settings.require(Topology.EVIDENCE.nameEnvVar())), clock);
    }

    static EvidenceTables tables() {
        return new EvidenceTables(Settings.require(Topology.ORDERS.envVar()), Settings.require(Topology.PAYMENT_EVENTS.envVar()),
                Settings.require(Topology.PAYOUTS.envVar()), Settings.require(Topology.LEDGER_BALANCES.envVar()),
                Settings.require(Topology.LEDGER_ENTRIES.envVar()), Settings.require(Topology.AUDIT.envVar()),
                Settings.require(Topology.FLAGS.envVar()), Settings.require(Topology.RECONCILE_FINDINGS.envVar()),
                Settings.require(Topology.TICKETS.envVar()));
    }

    static LogSearch logSearch() {
        Optional<List<String>> groups = Settings.find(FunctionDef.LOG_GROUPS_ENV)
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList())
                .filter(list -> !list.isEmpty());
        if (groups.isPresent()) {
            return new InsightsLogSearch(AwsClients.cloudWatchLogs(), groups.get(), duration -> Thread.sleep(duration));
        }
        return Settings.find(FunctionDef.LOCAL_LOG_DIR_ENV).<LogSearch>map(dir -> new LocalLogSearch(Path.of(dir)))
                .orElseGet(NoLogSearch::new);
    }
}
