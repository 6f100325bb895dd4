package com.warroom.ledger;

import com.warroom.aws.Settings;
import com.warroom.aws.TransactionRace;
import com.warroom.observability.OpsMetrics;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The double-entry ledger: append-only journal entries with deterministic ids, and per account and currency a running
 * balance sealed over (account, currency, balance, entry count, last entry id, last line hash), updated in the same
 * {@code TransactWriteItems} as the entry. Each account's lines form a hash chain.
 *
 * <p>A posting verifies the seal of every balance it touches before it writes (one VerifyMac per balance, skipped for a
 * balance this ledger sealed or checked itself and finds unchanged) and seals each new balance (one GenerateMac per
 * balance touched, i.e. per account of a one-currency entry). It reads with two {@code BatchGetItem}s whatever the
 * number of accounts (the journal item and the balances; then the lines around each balance's head: see
 * {@link ChainHead}) and writes with one {@code TransactWriteItems}: three DynamoDB requests per posting that does not
 * race another.
 */
public final class Ledger {

    /** The most lines one statement page holds. */
    public static final int MAX_STATEMENT_LINES = 100;

    // Every posting of a payment contends on the PSP clearing account. A try holds the race open for two reads and a
    // VerifyMac and a GenerateMac per account, so racing writers must spread wider than that: the back-off doubles up
    // to 256 ms (full jitter); 40 tries then wait about 5 s at worst on average, inside the payment processor's 60 s.
    static final int MAX_ATTEMPTS = 40;
    private static final long MAX_BACKOFF_MILLIS = 256;
    // a statement only reports: when its account keeps moving this many reads in a row, the postings check the chain
    private static final int STATEMENT_READS = 5;
    private static final int TRUSTED_BALANCES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final LedgerTables tables;
    private final Sealer sealer;
    private final Clock clock;
    private final TrustedBalances trusted = new TrustedBalances(TRUSTED_BALANCES);

    public Ledger(DynamoDbEnhancedClient client, String balancesTable, String entriesTable, Sealer sealer, Clock clock) {
        this.tables = new LedgerTables(client, balancesTable, entriesTable);
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The ledger of this process: table names from the topology's environment variables, seals from its KMS key. */
    public static Ledger fromSettings(DynamoDbEnhancedClient client, Sealer sealer, Clock clock) {
        return new Ledger(client, Settings.require(Topology.LEDGER_BALANCES.envVar()),
                Settings.require(Topology.LEDGER_ENTRIES.envVar()), sealer, clock);
    }

    /**
     * Reads and verifies the balances {@code entry} touches and says what posting it takes; only reads (and seals the
     * new balances when there is something to write).
     *
     * @throws LedgerTampered when a balance fails its seal or its chain (counted as {@link LedgerTampered#METRIC})
     * @throws SealingUnavailable when a seal cannot be checked or made
     * @throws LedgerContention when the balances kept moving under every read
     */
    public LedgerWrite prepare(JournalEntry entry) {
        List<BalanceKey> keys = BalanceKey.touchedBy(entry);
        Optional<Map<BalanceKey, Optional<LedgerBalance>>> stored = tables.balancesUnlessPosted(entry.id(), keys);
        if (stored.isEmpty()) {
            return new LedgerWrite.AlreadyPosted(entry.id());
        }
        HeadRead read = HeadRead.of(tables, stored.get(), () -> tables.balances(keys), MAX_ATTEMPTS);
        Optional<Map.Entry<BalanceKey, String>> broken = read.tampered();
        if (broken.isPresent()) {
            throw tampered(broken.get().getKey(), broken.get().getValue());
        }
        if (!read.steady()) {
            throw new LedgerContention(entry.id(), MAX_ATTEMPTS);
        }
        for (BalanceKey key : keys) {
            Optional<LedgerBalance> balance = read.balances().get(key);
            if (balance.isPresent() && !sealHolds(key, balance.get())) {
                throw tampered(key, "the balance does not match its seal");
            }
        }
        return switch (PostingPlan.of(entry, read.balances())) {
            case PostingPlan.Refused refused -> new LedgerWrite.Overdrawn(refused.account(), refused.balanceAfter());
            case PostingPlan.Legs legs -> new LedgerWrite.Writes(entry, writes(entry, legs));
        };
    }

    /**
     * Posts {@code entry} in a transaction of its own, preparing again when another posting came first.
     *
     * @throws LedgerContention when other postings came first every time it tried
     * @throws LedgerTampered when a balance it touches fails its seal or its chain; nothing is written
     */
    public PostingOutcome post(JournalEntry entry) {
        return post(entry, request -> { });
    }

    /**
     * Posts {@code entry} with {@code alongside} in the same transaction (the writes that must exist exactly when the
     * entry does, such as the notice of a reward), preparing again when another posting came first. An entry already in
     * the journal writes neither. {@code alongside} is added to each try, so it must be a write whose conditions hold
     * again after a lost race (a put only if absent, say): a condition of its own that fails for good is a lost race
     * every time, ending in {@link LedgerContention}.
     *
     * @throws LedgerContention when other postings came first every time it tried
     * @throws LedgerTampered when a balance it touches fails its seal or its chain; nothing is written
     */
    public PostingOutcome post(JournalEntry entry, Consumer<TransactWriteItemsEnhancedRequest.Builder> alongside) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            switch (prepare(entry)) {
                case LedgerWrite.AlreadyPosted posted -> {
                    return new PostingOutcome.AlreadyPosted(posted.entryId());
                }
                case LedgerWrite.Overdrawn overdrawn -> {
                    return new PostingOutcome.Overdrawn(overdrawn.account(), overdrawn.balanceAfter());
                }
                case LedgerWrite.Writes writes -> {
                    try {
                        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> all = new ArrayList<>(writes.writes());
                        all.add(alongside);
                        tables.commit(all);
                        return new PostingOutcome.Posted(entry);
                    } catch (TransactionCanceledException e) {
                        if (!TransactionRace.lost(e)) {
                            throw e;
                        }
                        TransactionRace.backOff(attempt, MAX_BACKOFF_MILLIS);
                    }
                }
            }
        }
        throw new LedgerContention(entry.id(), MAX_ATTEMPTS);
    }

    /** The journal entry {@code entryId} as posted (a strongly consistent read); empty when it is not in the journal. */
    public Optional<LedgerItems.Journal> journal(String entryId) {
        return tables.journal(entryId).map(LedgerItems::journal);
    }

    /** Which of {@code entryIds} are in the journal: one strongly consistent BatchGetItem per 100 ids. */
    public Set<String> posted(List<String> entryIds) {
        return tables.posted(entryIds);
    }

    /**
     * An account's balances (one per currency, each checked against its seal and the head of its chain) and its latest
     * lines, {@code limit} at a time from {@code cursor}: newest first within a currency, currencies in alphabetical
     * order. A broken seal or chain is reported ({@code sealIntact} false, counted as {@link LedgerTampered#METRIC}),
     * not thrown. An account never posted to has no balances.
     *
     * @param cursor a {@link StatementCursor} this ledger handed out for {@code account} ({@link StatementCursor#decode})
     * @throws SealingUnavailable when a seal cannot be checked
     */
    public AccountStatement statement(AccountId account, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_STATEMENT_LINES) {
            throw new IllegalArgumentException("a statement page holds 1 to " + MAX_STATEMENT_LINES + " lines: " + limit);
        }
        Optional<StatementCursor> from = cursor.map(text -> StatementCursor.decode(text, account)
                .orElseThrow(() -> new IllegalArgumentException("not a statement cursor of " + account)));
        Map<BalanceKey, Optional<LedgerBalance>> held = tables.balancesOf(account);
        if (held.isEmpty()) {
            return new AccountStatement(account, List.of(), List.of(), Optional.empty());
        }
        HeadRead read = HeadRead.of(tables, held, () -> tables.balancesOf(account), STATEMENT_READS);
        if (!read.steady()) {
            LOG.warn("ledger account {} kept moving while read; its chain heads were not checked", account);
        }
        List<BalanceKey> keys = read.balances().keySet().stream().sorted().toList();
        StatementPage page = tables.page(keys, from, limit);
        List<AccountStatement.Balance> views = new ArrayList<>();
        for (BalanceKey key : keys) {
            LedgerBalance balance = read.balances().get(key).orElseThrow();
            Optional<String> broken = Optional.ofNullable(read.steady() ? read.breaks().get(key) : null)
                    .or(() -> page.brokenLinks().contains(key.currency())
                            ? Optional.of("the lines read do not link up") : Optional.empty())
                    .or(() -> sealHolds(key, balance) ? Optional.empty() : Optional.of("the balance does not match its seal"));
            broken.ifPresent(why -> LOG.error("ledger balance {} read as tampered: {}", key, why));
            views.add(new AccountStatement.Balance(balance.currency(), balance.balance(), balance.entryCount(),
                    balance.lastEntryId(), broken.isEmpty()));
        }
        if (views.stream().anyMatch(b -> !b.sealIntact())) {
            OpsMetrics.count(LedgerTampered.METRIC);
        }
        return new AccountStatement(account, views, page.lines(), page.next().map(StatementCursor::encode));
    }

    private boolean sealHolds(BalanceKey key, LedgerBalance balance) {
        if (trusted.vouchFor(key, balance)) {
            return true;
        }
        return switch (sealer.verify(balance.canonical(), balance.seal())) {
            case Verification.Valid valid -> {
                trusted.trust(key, balance);
                yield true;
            }
            case Verification.Invalid invalid -> false;
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }

    private List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes(JournalEntry entry, PostingPlan.Legs legs) {
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        writes.add(tables.putJournal(JournalRecord.of(entry, clock.instant())));
        for (PostingPlan.Leg leg : legs.legs()) {
            LedgerBalance sealed = leg.next().sealedWith(sealer.seal(leg.next().canonical()));
            // sealed here: its MAC is KMS's own for exactly these fields, whether or not the transaction commits
            trusted.trust(leg.key(), sealed);
            writes.add(tables.putLine(leg.line()));
            writes.add(tables.putBalance(sealed, leg.previous()));
        }
        return writes;
    }

    private static LedgerTampered tampered(BalanceKey key, String why) {
        OpsMetrics.count(LedgerTampered.METRIC);
        LOG.error("ledger balance {} refused for posting: {}", key, why);
        return new LedgerTampered(key.account(), key.currency() + ": " + why);
    }
}
