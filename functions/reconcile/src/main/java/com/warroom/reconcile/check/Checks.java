package com.warroom.reconcile.check;

import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.config.FeeRule;
import com.warroom.flags.FlagStore;
import com.warroom.payments.MidtransServerKey;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Every reconciliation check, built once with what they read. */
public final class Checks {

    /** What the checks read beyond the items a run's segments give them. */
    public record Sources(Sealer sealer, FlagStore flags, AuditTrail auditTrail, Supplier<Optional<Map<String, FeeRule>>> feeRules,
                          PaidOrders paidOrders, MismatchThresholds thresholds) {
    }

    /** Where the PSP check finds the day's PAID orders and asks Midtrans about them. */
    public record PaidOrders(DynamoDbEnhancedClient dynamo, String ordersTable, MidtransClient midtrans) {
    }

    private final List<Check> all;

    public Checks(Sources sources) {
        MismatchThresholds thresholds = sources.thresholds();
        PaidOrders paid = sources.paidOrders();
        this.all = List.of(
                new ContributionsVsRounds(thresholds),
                new FeeSplits(sources.feeRules(), thresholds),
                new ReferralPayouts(),
                new OrdersPaid(thresholds),
                new PayoutsVsLedger(thresholds),
                new DoublePayout(),
                new NegativeBalances(),
                new TreasuryHolds(thresholds),
                new AuditChain(sources.auditTrail()),
                new SealedRecords(sources.sealer(), sources.flags()),
                new PspStatus(paid.dynamo(), paid.ordersTable(), paid.midtrans()),
                new PaymentReviews(thresholds));
    }

    /**
     * The checks of this function: tables from the topology's variables, seals checked with the seal key, anchors from
     * the anchors bucket, Midtrans through its API with the server key secret, thresholds from
     * {@value MismatchThresholds#ENV} (over the defaults). Only for a handler's no-arg constructor.
     */
    public static Checks fromEnvironment() {
        Clock clock = Clock.systemUTC();
        DynamoDbEnhancedClient dynamo = AwsClients.dynamoDbEnhanced();
        Sealer sealer = KmsSealer.forKey(Topology.SEALS);
        ConfigStore config = new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock);
        return new Checks(new Sources(sealer,
                new FlagStore(dynamo, Settings.require(Topology.FLAGS.envVar()), sealer, clock),
                AuditTrail.fromSettings(dynamo),
                config::currentFeeRules,
                new PaidOrders(dynamo, Settings.require(Topology.ORDERS.envVar()),
                        MidtransClient.fromSettings(new MidtransServerKey(SecretReader.fromEnvironment(), clock))),
                MismatchThresholds.parse(Settings.find(MismatchThresholds.ENV).orElse(""))));
    }

    /** Every check, each once, in the order a report lists them. */
    public List<Check> all() {
        return all;
    }
}
