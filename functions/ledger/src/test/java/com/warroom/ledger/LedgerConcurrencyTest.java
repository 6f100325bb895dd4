package com.warroom.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Real threads, each with a ledger of its own (as concurrent Lambda instances have), posting to the same accounts at
 * once: the conditional balance writes must serialize them, so that the final balances and entry counts are exact,
 * every entry lands once, each chain stays linear, and a non-negative account drained from every side stops at zero.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LedgerConcurrencyTest {

    private static final int THREADS = 16;
    private static final int POSTINGS_PER_THREAD = 5;
    private static final String DYNAMODB_LOCAL_LOGGERS = "com.amazonaws.services.dynamodbv2";

    private LedgerFixture fixture;
    private Level dynamoLocalLevel;
    private ExecutorService pool;
    private final AtomicInteger redeliveries = new AtomicInteger();

    @BeforeEach
    void setUp(EmbeddedStack stack) {
        fixture = new LedgerFixture(stack);
        // DynamoDB Local logs every lost race (a cancelled transaction) as a warning with its stack
        dynamoLocalLevel = LogManager.getLogger(DYNAMODB_LOCAL_LOGGERS).getLevel();
        Configurator.setLevel(DYNAMODB_LOCAL_LOGGERS, Level.ERROR);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() {
        System.out.printf("%d postings ended in LedgerContention and were delivered again%n", redeliveries.get());
        pool.shutdownNow();
        Configurator.setLevel(DYNAMODB_LOCAL_LOGGERS, dynamoLocalLevel);
    }

    @Test
    void post_whenSixteenThreadsPostToTheSameAccounts_everyEntryLandsOnceAndTheBooksAreExact() throws Exception {
        AccountId clearing = fixture.account("psp_clearing", "midtrans");
        AccountId revenue = fixture.account("revenue", "courses");
        AccountId treasury = fixture.account("fees", "blue_check:treasury");
        AccountId referral = fixture.account("fees", "blue_check:referral");
        List<CountingSealer> sealers = new ArrayList<>();
        List<Callable<List<PostingOutcome>>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            CountingSealer sealer = new CountingSealer(KmsSealer.forKey(Topology.SEALS));
            sealers.add(sealer);
            Ledger own = fixture.ledger(sealer);
            int thread = t;
            writers.add(() -> {
                List<PostingOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < POSTINGS_PER_THREAD; i++) {
                    long amount = 1_000L * (thread + 1) + i;
                    String id = fixture.id("c-" + thread + "-" + i);
                    outcomes.add(postUntilDone(own, i % 2 == 0
                            ? Entries.transfer(id, clearing, revenue, "IDR", amount)
                            : Entries.split(id, clearing, "IDR", List.of(treasury, referral), List.of(amount * 7 / 10, amount - amount * 7 / 10))));
                }
                // and every thread posts the same business event, which must land once
                outcomes.add(postUntilDone(own, Entries.transfer(fixture.id("the-same-event"), clearing, revenue, "IDR", 1)));
                return outcomes;
            });
        }

        List<PostingOutcome> outcomes = runTogether(writers);

        long revenueTotal = 1;
        long feeTotal = 0;
        int revenueLines = 1;
        int feeLines = 0;
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < POSTINGS_PER_THREAD; i++) {
                long amount = 1_000L * (t + 1) + i;
                if (i % 2 == 0) {
                    revenueTotal += amount;
                    revenueLines++;
                } else {
                    feeTotal += amount;
                    feeLines++;
                }
            }
        }
        assertThat(outcomes.stream().filter(o -> o instanceof PostingOutcome.Posted).count())
                .isEqualTo(THREADS * POSTINGS_PER_THREAD + 1);
        assertThat(outcomes.stream().filter(o -> o instanceof PostingOutcome.AlreadyPosted).count()).isEqualTo(THREADS - 1);
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(revenueTotal);
        assertThat(fixture.balance(treasury, "IDR") + fixture.balance(referral, "IDR")).isEqualTo(feeTotal);
        assertThat(fixture.balance(clearing, "IDR")).isEqualTo(-(revenueTotal + feeTotal));
        assertThat(fixture.entryCount(revenue, "IDR")).isEqualTo(revenueLines);
        assertThat(fixture.entryCount(treasury, "IDR")).isEqualTo(feeLines);
        assertThat(fixture.entryCount(clearing, "IDR")).isEqualTo(revenueLines + feeLines);
        for (AccountId account : List.of(clearing, revenue, treasury, referral)) {
            assertChainIntact(account);
        }
        int seals = sealers.stream().mapToInt(CountingSealer::seals).sum();
        assertThat(seals).as("the threads really raced: some lost and sealed again").isGreaterThan(2 * revenueLines + 3 * feeLines);
    }

    @Test
    void post_whenSixteenThreadsDrainOneNonNegativeAccount_exactlyWhatItHoldsGoesOut() throws Exception {
        AccountId clearing = fixture.account("psp_clearing", "bank");
        AccountId user = fixture.account("user", "u-1");
        AccountId revenue = fixture.account("revenue", "courses");
        fixture.ledger().post(Entries.transfer(fixture.id("top-up"), clearing, user, "IDR", 1_000));
        List<Callable<List<PostingOutcome>>> spenders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Ledger own = fixture.ledger();
            String id = fixture.id("spend-" + t);
            spenders.add(() -> List.of(postUntilDone(own, Entries.transfer(id, user, revenue, "IDR", 100))));
        }

        List<PostingOutcome> outcomes = runTogether(spenders);

        assertThat(outcomes.stream().filter(o -> o instanceof PostingOutcome.Posted).count()).isEqualTo(10);
        assertThat(outcomes.stream().filter(o -> o instanceof PostingOutcome.Overdrawn).count()).isEqualTo(THREADS - 10);
        assertThat(fixture.balance(user, "IDR")).isZero();
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(1_000);
        assertThat(fixture.entryCount(user, "IDR")).isEqualTo(11);
        assertChainIntact(user);
    }

    /**
     * Posts as a queue consumer does: a posting that lost the race more often than {@link Ledger#post} may try ends in
     * {@link LedgerContention} with nothing written, and the message comes back. Sixteen writers on two cores make that
     * possible here; the books must come out exact either way.
     */
    private PostingOutcome postUntilDone(Ledger ledger, JournalEntry entry) {
        for (int delivery = 1; ; delivery++) {
            try {
                return ledger.post(entry);
            } catch (LedgerContention e) {
                redeliveries.incrementAndGet();
                assertThat(delivery).as("deliveries of %s", entry.id()).isLessThan(5);
            }
        }
    }

    private List<PostingOutcome> runTogether(List<Callable<List<PostingOutcome>>> writers) throws Exception {
        CountDownLatch ready = new CountDownLatch(writers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<PostingOutcome>>> running = new ArrayList<>();
        for (Callable<List<PostingOutcome>> writer : writers) {
            running.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return writer.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<PostingOutcome> outcomes = new ArrayList<>();
        for (Future<List<PostingOutcome>> writer : running) {
            outcomes.addAll(writer.get(180, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** Lines 1..n contiguous, each linked to the one before and hashing to itself, summing up to the sealed balance. */
    private void assertChainIntact(AccountId account) {
        List<Map<String, AttributeValue>> lines = fixture.rawLines(account, "IDR");
        Map<String, AttributeValue> balance = fixture.rawBalance(account, "IDR");
        String prevHash = LedgerHash.GENESIS;
        long running = 0;
        Map<String, Integer> entries = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            LedgerLine line = LedgerLine.SCHEMA.mapToItem(lines.get(i));
            running += line.minor();
            assertThat(line.seq()).isEqualTo(i + 1);
            assertThat(line.prevHash()).as("link of line %d of %s", line.seq(), account).isEqualTo(prevHash);
            assertThat(line.hash()).isEqualTo(line.computedHash());
            assertThat(line.balanceAfter()).isEqualTo(running);
            entries.merge(line.entryId(), 1, Integer::sum);
            prevHash = line.hash();
        }
        assertThat(entries.values()).as("no entry twice in the chain of %s", account).containsOnly(1);
        assertThat(Long.parseLong(balance.get("entryCount").n())).isEqualTo(lines.size());
        assertThat(Long.parseLong(balance.get("balance").n())).isEqualTo(running);
        assertThat(balance.get("lastLineHash").s()).isEqualTo(prevHash);
        assertThat(fixture.ledger().statement(account, Optional.empty(), 1).balances())
                .allSatisfy(b -> assertThat(b.sealIntact()).as("seal of %s", account).isTrue());
    }
}
