package com.warroom.payouts.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.Chain;
import com.warroom.config.ConfigStore;
import com.warroom.config.TreasuryWallet;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagStore;
import com.warroom.flags.MetricGateSignals;
import com.warroom.lambda.Priming;
import com.warroom.lambda.QueueBatch;
import com.warroom.ledger.Ledger;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.WalletSeal;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.secrets.SecretReader;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The payouts queue's consumer: each message names a payout, which {@link PayoutWorker} moves on. A message that cannot
 * be handled now (the payout is held by another worker, a seal could not be checked) fails alone and comes back after
 * the visibility timeout; an unreadable one is dropped with a log line (the stuck-tx-sweeper finds every payout that is due).
 */
public final class PayoutWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PayoutWorkerHandler.class);

    private final PayoutWorker worker;

    public PayoutWorkerHandler() {
        this(fromSettings(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC(),
                CustodyRail.fromSettings(SecretReader.fromEnvironment()), PayoutPolicy.fromSettings()));
    }

    /** Over a worker built elsewhere: tests, and the bench (another module), which builds it with {@link #fromSettings}. */
    public PayoutWorkerHandler(PayoutWorker worker) {
        this.worker = worker;
        Priming.register(Topology.PAYOUT_WORKER.name(), worker::prime);
    }

    /**
     * The worker this function runs, over the given clients, rail and policy; the tables and the queue from the settings.
     * Public for the bench, which pays through the custody simulator with a short first retry.
     */
    public static PayoutWorker fromSettings(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock, PayoutRail rail,
                                            PayoutPolicy policy) {
        ConfigStore config = new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock);
        FlagGate flags = new FlagGate(new FlagStore(dynamo, Settings.require(Topology.FLAGS.envVar()), sealer, clock), clock,
                new MetricGateSignals());
        PayoutWorker.Parts parts = new PayoutWorker.Parts(
                new PayoutStore(dynamo, Settings.require(Topology.PAYOUTS.envVar())),
                new UserStore(dynamo, Settings.require(Topology.USERS.envVar())),
                new PayoutSeal(sealer), new WalletSeal(sealer), Ledger.fromSettings(dynamo, sealer, clock), flags,
                treasuryOf(config, clock), rail,
                new PayoutWork(AwsClients.sqs(), Settings.require(Topology.PAYOUT_WORK.urlEnvVar())));
        return new PayoutWorker(parts, policy, lease(), clock, WorkerStep.Checkpoints.NONE);
    }

    /** The treasury wallets of the config in force, read again at most once a minute (see {@link ConfigInForce}). */
    public static TreasuryAddresses treasuryOf(ConfigStore config, Clock clock) {
        ConfigInForce inForce = new ConfigInForce(config, clock);
        return (chain, asset) -> Chain.parse(chain)
                .flatMap(c -> inForce.get().flatMap(seed -> seed.treasuryWallet(c, asset)))
                .map(TreasuryWallet::address);
    }

    /** A claim outlives the worker's own timeout, so that only a worker that died lets another resume the payout. */
    public static Duration lease() {
        return Duration.ofSeconds(2L * Topology.PAYOUT_WORKER.timeoutSeconds());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, context, message -> {
            Optional<String> payoutId = com.warroom.payouts.PayoutWork.payoutId(message.getBody());
            if (payoutId.isEmpty()) {
                LOG.warn("message {} names no payout: dropped", message.getMessageId());
                return;
            }
            worker.advance(payoutId.get());
        });
    }
}
