package com.warroom.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The ledger's properties through the real {@link Ledger} on DynamoDB Local with seals from the local KMS, fewer tries
 * than the in-memory run ({@link LedgerPropertiesTest}): each posting answers what the plain oracle answers, and after
 * any sequence every currency's balances sum to zero, no non-negative account is below zero, and every balance reads
 * back intact. jqwik runs outside JUnit Jupiter, so this class starts an embedded stack of its own (its clients are
 * passed explicitly; nothing is exported to the JVM's settings).
 */
class LedgerOnDynamoDbPropertyTest {

    private static EmbeddedStack stack;
    private static KmsClient kms;
    private static Ledger ledger;

    @BeforeContainer
    static void start() throws Exception {
        stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral()).provision(Topology.warroom());
        kms = KmsClient.builder().endpointOverride(stack.kmsEndpoint()).region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        ledger = new Ledger(DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build(),
                LedgerFixture.BALANCES, LedgerFixture.ENTRIES,
                new KmsSealer(kms, stack.localKms().keyArn(Topology.SEALS)), Clock.systemUTC());
    }

    @AfterContainer
    static void stop() {
        if (kms != null) {
            kms.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** A run of its own per try: fresh accounts and entry ids in the shared tables. */
    record Run(List<AccountId> accounts, List<JournalEntry> entries) {
    }

    @Provide
    Arbitrary<Run> runs() {
        return Arbitraries.create(() -> UUID.randomUUID().toString().substring(0, 8)).flatMap(run -> {
            List<AccountId> accounts = RandomEntries.accounts(run);
            return RandomEntries.entries(accounts, "e-" + run + "-", 8).list().ofMinSize(1).ofMaxSize(12)
                    .map(entries -> new Run(accounts, entries));
        });
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void anySequence_postedToDynamoDb_answersLikeTheOracle_andKeepsTheBooksBalanced(@ForAll("runs") Run run) {
        NaiveBalances oracle = new NaiveBalances();
        for (JournalEntry entry : run.entries()) {
            PostingOutcome expected = oracle.expect(entry);
            PostingOutcome outcome = ledger.post(entry);
            Statistics.label("outcome").collect(outcome.getClass().getSimpleName());
            assertThat(outcome).as(entry.toString()).isEqualTo(expected);
        }

        Map<BalanceKey, LedgerBalance> stored = new HashMap<>();
        for (AccountId account : run.accounts()) {
            AccountStatement statement = ledger.statement(account, Optional.empty(), 1);
            for (AccountStatement.Balance balance : statement.balances()) {
                assertThat(balance.sealIntact()).as("seal and chain of %s %s", account, balance.currency()).isTrue();
                BalanceKey key = new BalanceKey(account, balance.currency());
                stored.put(key, LedgerBalance.unsealed(key, balance.minor(), balance.entryCount(), balance.lastEntryId(), null));
                assertThat(balance.minor()).isEqualTo(oracle.balance(key));
            }
        }
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(oracle.sums().keySet());
        LedgerPropertiesTest.assertBooksBalance(stored);
    }
}
