package com.warroom.payouts.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagStore;
import com.warroom.flags.MetricGateSignals;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.lambda.Priming;
import com.warroom.ledger.Ledger;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.WalletSeal;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The platform's payout routes: {@code PUT} and {@code GET /v1/platform/users/{userId}} (the users read model with its
 * sealed primary wallets) and {@code POST /v1/payouts}, {@code GET /v1/payouts/{payoutId}} (payouts accepted with their
 * ledger hold, then queued for the worker).
 */
public final class PayoutApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    /** What the routes work with besides the tables: for tests to choose. */
    record Collaborators(Sealer sealer, Clock clock, FlagGate flags, PayoutPolicy policy, PayoutWork work) {
    }

    public PayoutApiHandler() {
        this(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
    }

    private PayoutApiHandler(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        this(dynamo, collaborators(dynamo, sealer, clock));
    }

    PayoutApiHandler(DynamoDbEnhancedClient dynamo, Collaborators with) {
        Sealer sealer = with.sealer();
        Clock clock = with.clock();
        UserStore users = new UserStore(dynamo, Settings.require(Topology.USERS.envVar()));
        PayoutStore payouts = new PayoutStore(dynamo, Settings.require(Topology.PAYOUTS.envVar()));
        ConfigStore config = new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock);
        Ledger ledger = Ledger.fromSettings(dynamo, sealer, clock);
        WalletCheck wallets = new WalletCheck(new WalletSeal(sealer));
        PayoutSeal payoutSeal = new PayoutSeal(sealer);
        UserRegistry registry = new UserRegistry(new UserRegistry.Stores(dynamo, users,
                new AuditLog(dynamo, Settings.require(Topology.AUDIT.envVar()), sealer, clock)), wallets, with.policy(), clock);
        PayoutReader reader = new PayoutReader(payouts, payoutSeal, ledger, clock);
        PayoutDesk desk = new PayoutDesk(new PayoutDesk.Books(payouts, users, config, ledger),
                new PayoutDesk.Guards(wallets, payoutSeal, with.flags()), with.work(), clock);
        this.router = new ApiRouter(Map.of(
                PutUserAction.ROUTE, new PutUserAction(registry, config),
                GetUserAction.ROUTE, new GetUserAction(registry, wallets),
                RequestPayoutAction.ROUTE, new RequestPayoutAction(desk, reader),
                GetPayoutAction.ROUTE, new GetPayoutAction(reader)),
                new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
        Priming.register(Topology.PAYOUT_API.name(), () -> {
            desk.prime();
            reader.prime();
        });
    }

    private static Collaborators collaborators(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        FlagGate flags = new FlagGate(new FlagStore(dynamo, Settings.require(Topology.FLAGS.envVar()), sealer, clock), clock,
                new MetricGateSignals());
        PayoutWork work = new PayoutWork(AwsClients.sqs(), Settings.require(Topology.PAYOUT_WORK.urlEnvVar()));
        return new Collaborators(sealer, clock, flags, PayoutPolicy.fromSettings(), work);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
