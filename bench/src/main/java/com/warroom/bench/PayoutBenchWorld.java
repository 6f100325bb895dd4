package com.warroom.bench;

import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.PostingOutcome;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.Wallet;
import com.warroom.payouts.WalletSeal;
import com.warroom.seal.Sealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * What the payouts world needs before the worker can pay, written as the functions write it (the few lines of the test
 * world, not its jar): the seed config (the treasury wallets), a funded treasury, users with sealed primary wallets, and
 * payouts accepted as {@code POST /v1/payouts} accepts them — sealed, REQUESTED, in one transaction with their hold.
 */
final class PayoutBenchWorld {

    static final String CHAIN = "evm:1";
    static final String ASSET = "USDC";
    /** A checksummed Ethereum address: every bench user's primary wallet. */
    static final String USER_ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";

    private final DynamoDbEnhancedClient dynamo;
    private final Clock clock;
    private final Ledger ledger;
    private final PayoutStore payouts;
    private final UserStore users;
    private final PayoutSeal payoutSeal;
    private final WalletSeal walletSeal;
    private final List<UserProfile> userProfiles = new ArrayList<>();

    PayoutBenchWorld(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.ledger = Ledger.fromSettings(dynamo, sealer, clock);
        this.payouts = new PayoutStore(dynamo, Settings.require(Topology.PAYOUTS.envVar()));
        this.users = new UserStore(dynamo, Settings.require(Topology.USERS.envVar()));
        this.payoutSeal = new PayoutSeal(sealer);
        this.walletSeal = new WalletSeal(sealer);
    }

    /** Seeds the config from {@code seedFile} (as config-seed does), funds the treasury and registers {@code userCount} users. */
    void prepare(Path seedFile, Sealer sealer, String money, int userCount, String run) {
        ConfigStore config = new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock);
        if (config.newest().isEmpty()) {
            var seed = (ConfigOutcome.Valid) SeedConfigParser.load(seedFile);
            new ConfigSeeder(config, new AuditLog(dynamo, Settings.require(Topology.AUDIT.envVar()), sealer, clock)).seed(seed.config(),
                    new Caller("warroom-bench", "bench@warroom.test", Set.of(Role.SUPER_ADMIN)),
                    new ConfigSeeder.SeedSource("seed:" + seedFile.getFileName(), new RequestOrigin("bench", "127.0.0.1")));
        }
        JournalEntry opening = PayoutJournal.opening(CHAIN, asset(money), clock.instant());
        JournalEntry funding = new JournalEntry("bench-funding:" + UUID.randomUUID(), opening.at(), opening.cause(), opening.postings());
        if (!(ledger.post(funding) instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("could not fund the treasury " + PayoutJournal.treasury(CHAIN, ASSET).value());
        }
        for (int i = 0; i < userCount; i++) {
            userProfiles.add(user("bench-" + run + "-u" + i));
        }
    }

    /** A payout of {@code amount} USDC to the next user's primary wallet, accepted as the payouts route accepts one. */
    Payout accept(String payoutId, int index, String amount) {
        UserProfile user = userProfiles.get(index % userProfiles.size());
        Payout payout = payoutSeal.sealed(Payout.accepted(payoutId, new Payout.Request(user.userId(), PayoutKind.REFUND.name(),
                asset(amount), "bench " + payoutId, Optional.empty(), "backend"), user.primaryWallet(), PayoutStatus.REQUESTED,
                Optional.empty(), SortableTime.now(clock)));
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        writes.add(payouts.insert(payout));
        switch (ledger.prepare(PayoutJournal.hold(payout, clock.instant()))) {
            case LedgerWrite.Writes hold -> writes.addAll(hold.writes());
            case LedgerWrite.AlreadyPosted posted -> throw new IllegalStateException("payout " + payoutId + " was held before");
            case LedgerWrite.Overdrawn overdrawn -> throw new IllegalStateException("the treasury cannot hold " + amount + " " + ASSET);
        }
        payouts.commit(writes);
        return payout;
    }

    /** How many of these payouts are in each status now (read strongly consistent, one by one). */
    Map<String, Long> statuses(List<String> payoutIds) {
        Map<String, Long> statuses = new TreeMap<>();
        for (String id : payoutIds) {
            statuses.merge(payouts.find(id).map(p -> p.progress().status()).orElse("MISSING"), 1L, Long::sum);
        }
        return statuses;
    }

    private UserProfile user(String userId) {
        Instant now = SortableTime.now(clock);
        UserProfile profile = walletSeal.sealed(new UserProfile(userId, new Wallet(CHAIN, USER_ADDRESS), now.minus(Duration.ofDays(30)),
                Optional.empty(), new UserProfile.Standing(true, "APPROVED", Optional.empty(), 1), now, 1, null));
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        users.put(Optional.empty(), profile).accept(request);
        dynamo.transactWriteItems(request.build());
        return profile;
    }

    private static Money asset(String amount) {
        return ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset(amount, ASSET)).money();
    }
}
