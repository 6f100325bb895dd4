package com.warroom.payouts;

import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigParser;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.http.Caller;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.AccountStatement;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.PostingOutcome;
import com.warroom.local.stack.AdjustableClock;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.LambdaQueue;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The payout functions' world in a test: the embedded stack's tables and queues through the real SDK clients, seals
 * through the local KMS, the config seeded, an adjustable clock, the ledger, and the payouts queue as Lambda works it.
 * Treasury accounts get money with {@link #fund}; users are registered as the users route stores them.
 */
public final class PayoutsStack {

    /** A checksummed Ethereum address no test user owns by default. */
    public static final String OTHER_EVM_ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";
    public static final String USER_EVM_ADDRESS = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
    public static final String CHAIN = "evm:1";

    public final EmbeddedStack stack;
    public final DynamoDbEnhancedClient dynamo;
    public final KmsSealer sealer;
    public final AdjustableClock clock;
    public final ConfigStore config;
    public final Ledger ledger;
    public final PayoutStore payouts;
    public final UserStore users;
    public final PayoutSeal payoutSeal;
    public final WalletSeal walletSeal;
    public final FlagStore flags;
    public final LambdaQueue work;

    public PayoutsStack(EmbeddedStack stack, Instant start) {
        this.stack = stack;
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.sealer = KmsSealer.forKey(Topology.SEALS);
        this.clock = AdjustableClock.startingAt(start);
        this.config = new ConfigStore(dynamo, Topology.CONFIG.localName(), clock);
        this.ledger = new Ledger(dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(), sealer, clock);
        this.payouts = new PayoutStore(dynamo, Topology.PAYOUTS.localName());
        this.users = new UserStore(dynamo, Topology.USERS.localName());
        this.payoutSeal = new PayoutSeal(sealer);
        this.walletSeal = new WalletSeal(sealer);
        this.flags = new FlagStore(dynamo, Topology.FLAGS.localName(), sealer, clock);
        this.work = new LambdaQueue(stack.sqs(), stack.settings(Topology.warroom()).get(Topology.PAYOUT_WORK.urlEnvVar()), stack.region());
        seedConfig();
    }

    /** A kill-switch gate that reads the flags table on every check (no cache), so tests see their flag changes at once. */
    public FlagGate freshGate() {
        return new FlagGate(flags, clock, FlagGate.Signals.NONE, Duration.ZERO, FlagGate.DEFAULT_STALE_FOR);
    }

    public PayoutWork workQueue() {
        return new PayoutWork(stack.sqs(), work.url());
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    // ---- money

    /**
     * Gives the treasury of {@code chain} and {@code asset} {@code amount} more from equity (a journal entry of its own,
     * so that tests can fund the same account again; the seed's opening balance is {@link PayoutJournal#opening}).
     */
    public void fund(String chain, String asset, String amount) {
        Money money = asset(amount, asset);
        var entry = PayoutJournal.opening(chain, money, clock.instant());
        var funding = new com.warroom.ledger.JournalEntry("test-funding:" + UUID.randomUUID(), entry.at(), entry.cause(), entry.postings());
        if (!(ledger.post(funding) instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("could not fund " + chain + " " + asset);
        }
    }

    /** The balance of {@code account} in {@code unit} (minor units; 0 when it has none). */
    public long balance(AccountId account, String unit) {
        return ledger.statement(account, Optional.empty(), 1).balances().stream()
                .filter(b -> b.currency().equals(unit)).mapToLong(AccountStatement.Balance::minor).findFirst().orElse(0L);
    }

    public long treasury(String asset) {
        return balance(PayoutJournal.treasury(CHAIN, asset), asset);
    }

    public long pending(String asset) {
        return balance(PayoutJournal.pending(CHAIN, asset), asset);
    }

    public long paid(String asset) {
        return balance(PayoutJournal.paid(CHAIN, asset), asset);
    }

    /** {@code amount} of a known asset, e.g. {@code asset("12.5", "USDC")}. */
    public static Money asset(String amount, String asset) {
        return ((DecimalAmount.Parsed.Valid) DecimalAmount.parsePositiveAsset(amount, asset)).money();
    }

    // ---- users

    /** A user with a primary wallet on Ethereum that has been theirs for a month (no cooling-off), sealed. */
    public UserProfile user(String userId) {
        return user(userId, new Wallet(CHAIN, USER_EVM_ADDRESS), new UserProfile.Standing(true, "APPROVED", Optional.empty(), 1),
                Optional.empty());
    }

    /** Stores a sealed user as the users route would (replacing any stored one). */
    public UserProfile user(String userId, Wallet wallet, UserProfile.Standing standing, Optional<Instant> coolingOffUntil) {
        Optional<UserProfile> current = users.find(userId);
        Instant now = SortableTime.now(clock);
        UserProfile next = walletSeal.sealed(new UserProfile(userId, wallet, now.minus(Duration.ofDays(30)), coolingOffUntil, standing,
                now, current.map(UserProfile::version).orElse(0L) + 1, null));
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
        users.put(current, next).accept(request);
        dynamo.transactWriteItems(request.build());
        return next;
    }

    // ---- payouts

    public Payout payout(String payoutId) {
        return payouts.find(payoutId).orElseThrow();
    }

    /**
     * A payout accepted as the payouts route accepts one: sealed, REQUESTED, to the stored user's primary wallet, in one
     * transaction with its hold (the treasury must have the amount).
     */
    public Payout requested(String payoutId, String userId, PayoutKind kind, Money amount) {
        return accepted(payoutId, userId, kind, amount, users.find(userId).orElseThrow().primaryWallet());
    }

    // ---- flags

    /** Disables or enables {@code flag} in {@code scope}, sealed as the kill-switch route writes it. */
    public void setFlag(Flag flag, FlagScope scope, boolean enabled) {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (flags.load() instanceof FlagStore.Load.Trusted trusted) {
                FlagRecord current = trusted.current(flag, scope);
                FlagRecord next = new FlagRecord(flag.key(), scope.key(), enabled, "set by a payout test", "ops-test",
                        "ops-test@warroom.test", clock.instant().toString(), current.version() + 1, 0);
                var transaction = TransactWriteItemsEnhancedRequest.builder();
                flags.change(trusted, next).forEach(write -> write.accept(transaction));
                try {
                    dynamo.transactWriteItems(transaction.build());
                    return;
                } catch (TransactionCanceledException raced) {
                    // another test changed a flag meanwhile: load again
                }
            }
        }
        throw new IllegalStateException("could not set " + flag.key() + " in " + scope.key());
    }

    // ---- config

    private void seedConfig() {
        if (config.newest().isPresent()) {
            return;
        }
        var seed = (ConfigOutcome.Valid) SeedConfigParser.load(Path.of("../../config/seed-v1.json"));
        new ConfigSeeder(config, new AuditLog(dynamo, Topology.AUDIT.localName(), sealer, clock)).seed(seed.config(),
                new Caller("warroom-test", "test@warroom.test", Set.of(Role.SUPER_ADMIN)),
                new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("test", "127.0.0.1")));
    }

    // ---- payouts in a state, written as the payout routes and the worker write them (for tests of what reads them)

    /**
     * A USDC payout of {@code amount} to the user's wallet on {@link #CHAIN}, accepted as {@code POST /v1/payouts} accepts
     * it: sealed, REQUESTED, its amount held in the same transaction (the treasury is funded with that amount first).
     */
    public Payout requested(String payoutId, String userId, String amount) {
        return requested(payoutId, userId, amount, PayoutKind.WITHDRAWAL);
    }

    public Payout requested(String payoutId, String userId, String amount, PayoutKind kind) {
        fund(CHAIN, "USDC", amount);
        return accepted(payoutId, userId, kind, asset(amount, "USDC"), new Wallet(CHAIN, USER_EVM_ADDRESS));
    }

    private Payout accepted(String payoutId, String userId, PayoutKind kind, Money amount, Wallet destination) {
        Payout payout = payoutSeal.sealed(Payout.accepted(payoutId, new Payout.Request(userId, kind.name(), amount,
                "ref-" + payoutId, Optional.empty(), "platform-test"), destination, PayoutStatus.REQUESTED,
                Optional.empty(), SortableTime.now(clock)));
        commitWithEntry(java.util.List.of(payouts.insert(payout)), Optional.of(PayoutJournal.hold(payout, payout.times().createdAt())));
        return payout;
    }

    /** {@link #requested} then moved to {@code status} with {@link #moveTo}. */
    public Payout inState(String payoutId, String userId, String amount, PayoutStatus status, Optional<String> railReference) {
        Payout requested = requested(payoutId, userId, amount);
        return status == PayoutStatus.REQUESTED ? requested : moveTo(requested, status, railReference);
    }

    /**
     * The payout moved to {@code status} as the worker leaves it (one version on, changed now): with the rail's reference
     * when given, the next attempt due in a minute (RETRY_SCHEDULED) or the cooling-off ending in an hour (HELD), and the
     * ledger entry of a final state in the same transaction (FAILED and CANCELLED release the hold, CONFIRMED pays it).
     */
    public Payout moveTo(Payout current, PayoutStatus status, Optional<String> railReference) {
        Instant now = SortableTime.now(clock);
        Optional<Instant> next = switch (status) {
            case RETRY_SCHEDULED -> Optional.of(now.plus(Duration.ofMinutes(1)));
            case HELD -> Optional.of(now.plus(Duration.ofHours(1)));
            default -> Optional.empty();
        };
        Optional<String> railStatus = railReference.map(reference -> switch (status) {
            case FAILED -> "FAILED";
            case CONFIRMED -> "COMPLETED";
            default -> "SUBMITTED";
        });
        int attempts = status == PayoutStatus.REQUESTED || status == PayoutStatus.HELD ? 0 : 1;
        Optional<String> reason = status == PayoutStatus.FAILED || status == PayoutStatus.RETRY_SCHEDULED
                ? Optional.of("set by a payout test") : Optional.empty();
        Payout moved = current.moved(new Payout.Progress(status.name(), current.progress().submission(), attempts, railReference,
                railStatus, Optional.empty(), reason, next, Optional.empty()), now);
        Optional<com.warroom.ledger.JournalEntry> entry = switch (status) {
            case FAILED, CANCELLED -> Optional.of(PayoutJournal.release(moved, now));
            case CONFIRMED -> Optional.of(PayoutJournal.paid(moved, now));
            default -> Optional.empty();
        };
        commitWithEntry(java.util.List.of(payouts.replace(current, moved)), entry);
        return moved;
    }

    // the writes and the entry's in one transaction, prepared again when another posting raced it
    private void commitWithEntry(java.util.List<java.util.function.Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, Optional<com.warroom.ledger.JournalEntry> entry) {
        for (int attempt = 0; attempt < 20; attempt++) {
            java.util.List<java.util.function.Consumer<TransactWriteItemsEnhancedRequest.Builder>> all = new java.util.ArrayList<>(writes);
            if (entry.isPresent()) {
                if (!(ledger.prepare(entry.get()) instanceof com.warroom.ledger.LedgerWrite.Writes ledgerWrites)) {
                    throw new IllegalStateException("the ledger refused " + entry.get().id());
                }
                all.addAll(ledgerWrites.writes());
            }
            try {
                payouts.commit(all);
                return;
            } catch (TransactionCanceledException raced) {
                // another test posted to the treasury meanwhile: prepare again
            }
        }
        throw new IllegalStateException("could not write " + entry.map(com.warroom.ledger.JournalEntry::id).orElse("the payout"));
    }
}
