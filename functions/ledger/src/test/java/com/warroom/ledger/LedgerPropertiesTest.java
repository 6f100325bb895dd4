package com.warroom.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The ledger's arithmetic and chains ({@link PostingPlan}, {@link ChainHead}, {@link LedgerLine}) over any sequence of
 * valid postings, in memory ({@link InMemoryBooks}), against a plain oracle ({@link NaiveBalances}). The same properties
 * run against DynamoDB Local and the local KMS, with fewer tries, in {@link LedgerOnDynamoDbPropertyTest}.
 */
class LedgerPropertiesTest {

    private static final List<AccountId> ACCOUNTS = RandomEntries.accounts("model");

    @Provide
    Arbitrary<List<JournalEntry>> sequences() {
        return RandomEntries.entries(ACCOUNTS, "e-", 25).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void anySequence_keepsEachCurrencySummingToZero_andNoNonNegativeAccountBelowZero(
            @ForAll("sequences") List<JournalEntry> entries) {
        InMemoryBooks books = new InMemoryBooks();
        for (JournalEntry entry : entries) {
            books.post(entry);
            assertBooksBalance(books.balances());
        }
    }

    @Property(tries = 200)
    void anySequence_answersWhatTheOracleAnswers_andARefusalChangesNothing(@ForAll("sequences") List<JournalEntry> entries) {
        InMemoryBooks books = new InMemoryBooks();
        NaiveBalances oracle = new NaiveBalances();
        for (JournalEntry entry : entries) {
            Map<BalanceKey, LedgerBalance> before = books.balances();
            PostingOutcome expected = oracle.expect(entry);
            PostingOutcome outcome = books.post(entry);

            Statistics.label("outcome").collect(outcome.getClass().getSimpleName());
            assertThat(outcome.getClass()).as(entry.toString()).isEqualTo(expected.getClass());
            if (outcome instanceof PostingOutcome.Overdrawn overdrawn) {
                // the first overdrawn balance in key order: the oracle looks in the same order
                assertThat(overdrawn).isEqualTo(expected);
            }
            if (!(outcome instanceof PostingOutcome.Posted)) {
                assertThat(books.balances()).isEqualTo(before);
            }
            books.balances().forEach((key, balance) -> assertThat(balance.balance()).isEqualTo(oracle.balance(key)));
        }
    }

    @Property(tries = 200)
    void anySequence_leavesEachAccountAnIntactChain_whoseLinesSumToItsBalance(@ForAll("sequences") List<JournalEntry> entries) {
        InMemoryBooks books = new InMemoryBooks();
        entries.forEach(books::post);
        books.balances().forEach((key, balance) -> {
            List<LedgerLine> lines = books.lines(key);
            assertThat(balance.entryCount()).isEqualTo(lines.size());
            assertThat(lines.stream().mapToLong(LedgerLine::minor).sum()).isEqualTo(balance.balance());
            String prevHash = LedgerHash.GENESIS;
            long running = 0;
            for (int i = 0; i < lines.size(); i++) {
                LedgerLine line = lines.get(i);
                running += line.minor();
                assertThat(line.seq()).isEqualTo(i + 1);
                assertThat(line.prevHash()).isEqualTo(prevHash);
                assertThat(line.hash()).isEqualTo(line.computedHash());
                assertThat(line.balanceAfter()).isEqualTo(running);
                prevHash = line.hash();
            }
            assertThat(balance.lastLineHash()).isEqualTo(prevHash);
            Map<Long, LedgerLine> head = new HashMap<>();
            head.put((long) lines.size(), lines.getLast());
            assertThat(ChainHead.problem(Optional.of(balance), head)).isEmpty();
        });
    }

    /** Every currency's balances sum to zero; no non-negative account is below zero. */
    static void assertBooksBalance(Map<BalanceKey, LedgerBalance> balances) {
        Map<String, Long> perCurrency = new HashMap<>();
        balances.forEach((key, balance) -> {
            perCurrency.merge(key.currency(), balance.balance(), Math::addExact);
            if (key.account().nonNegative()) {
                assertThat(balance.balance()).as("balance of %s", key).isNotNegative();
            }
        });
        perCurrency.forEach((currency, sum) -> assertThat(sum).as("sum of the %s balances", currency).isZero());
    }
}
