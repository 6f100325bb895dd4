package com.warroom.infra;

import com.warroom.topology.BucketAccess;
import com.warroom.topology.BucketDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.ScheduleExpression;
import com.warroom.topology.SecretDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A wiring with the trigger variants {@link Topology#warroom()} does not hold: a second queue with a consumer taking
 * large batches over a batching window, a cron schedule in a zone other than UTC with a payload, and a secret that
 * one function reads and the others do not, and a write-once bucket of another retention than the real one's, that
 * one function reads and puts to and another only reads; plus an HTTP, a queue consumer and an invoked function of the real
 * topology. Its functions sit on the health module's jar: synthesis needs an asset, never its code.
 */
final class TriggerTopology {

    static final String JAR_MODULE = "functions/health";

    static final SecretDef PSP_SERVER_KEY = new SecretDef("midtrans-server-key",
            "the Midtrans server key: authenticates Core API calls and verifies payment notification signatures");

    static final QueueDef PAYMENT_NOTIFICATIONS = new QueueDef("payment-notifications", "WARROOM_QUEUE_PAYMENT_NOTIFICATIONS_URL",
            120, 3);

    static final BucketDef REPORTS = new BucketDef("reports", 30);

    static final int CONSUMER_BATCH_SIZE = 50;
    static final Duration CONSUMER_BATCHING_WINDOW = Duration.ofSeconds(20);

    /** Applies PSP payment notifications in batches; reads the PSP key to verify their signatures. */
    static final FunctionDef PAYMENT_INTAKE = FunctionDef.builder("payment-intake").module(JAR_MODULE)
            .handler("com.warroom.payments.PaymentIntakeHandler").timeoutSeconds(60)
            .trigger(new Trigger.QueueConsumer(PAYMENT_NOTIFICATIONS, CONSUMER_BATCH_SIZE, CONSUMER_BATCHING_WINDOW))
            .table(Topology.IDEMPOTENCY, TableAccess.READ_WRITE)
            .readsSecret(PSP_SERVER_KEY)
            .bucket(REPORTS, BucketAccess.READ)
            .build();

    static final String CRON = "cron(30 0 * * ? *)";
    static final String ZONE = "Asia/Jakarta";
    static final String PAYLOAD = "{\"window\":\"previous-day\"}";

    /** The daily reconciliation, half past midnight Jakarta time; it reads no secret. */
    static final FunctionDef DAILY_RECONCILE = FunctionDef.builder("daily-reconcile").module(JAR_MODULE)
            .handler("com.warroom.reconcile.DailyReconcileHandler").timeoutSeconds(300)
            .trigger(new Trigger.Schedule(ScheduleExpression.parse(CRON), ZoneId.of(ZONE), PAYLOAD))
            .table(Topology.IDEMPOTENCY, TableAccess.READ)
            .bucket(REPORTS, BucketAccess.READ_PUT)
            .build();

    private static final Topology TOPOLOGY = Topology.builder()
            .tables(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG, Topology.IDEMPOTENCY,
                    Topology.LEDGER_BALANCES, Topology.LEDGER_ENTRIES)
            .queues(Topology.FLAG_CHANGES, PAYMENT_NOTIFICATIONS)
            .topics(Topology.OPS_NOTICES)
            .secrets(PSP_SERVER_KEY)
            .keys(Topology.SEALS)
            .buckets(REPORTS)
            .functions(HealthOver.tablesAndQueues(List.of(Topology.FLAGS, Topology.AUDIT, Topology.APPROVALS, Topology.CONFIG, Topology.IDEMPOTENCY),
                            List.of(Topology.FLAG_CHANGES, PAYMENT_NOTIFICATIONS)), onBuiltJar(Topology.OPS_NOTICE), PAYMENT_INTAKE, DAILY_RECONCILE, onBuiltJar(Topology.CONFIG_SEED))
            .build();

    private TriggerTopology() {
    }

    static Topology topology() {
        return TOPOLOGY;
    }

    private static FunctionDef onBuiltJar(FunctionDef function) {
        return function.toBuilder().module(JAR_MODULE).jar("health").build();
    }
}
