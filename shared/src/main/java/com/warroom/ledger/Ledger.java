package com.warroom.ledger;

import com.warroom.seal.Sealer;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The double-entry ledger: append-only journal entries with deterministic ids, and per account and currency a running
 * balance sealed over (account, currency, balance, entry count, last entry id, last line hash), updated in the same
 * {@code TransactWriteItems} as the entry. Each account's lines form a hash chain.
 *
 * <p>A posting verifies the seal of every balance it touches before it writes (one VerifyMac per account, skipped for a
 * balance this ledger sealed itself) and seals each new balance (one GenerateMac per account touched).
 */
public final class Ledger {

    public Ledger(DynamoDbEnhancedClient client, String balancesTable, String entriesTable, Sealer sealer, Clock clock) {
        throw new UnsupportedOperationException("the ledger lands with issue 10");
    }

    /** The ledger of this process: table names from the topology's environment variables, seals from its KMS key. */
    public static Ledger fromSettings(DynamoDbEnhancedClient client, Sealer sealer, Clock clock) {
        throw new UnsupportedOperationException("the ledger lands with issue 10");
    }

    /**
     * Reads and verifies the balances {@code entry} touches and says what posting it takes; only reads.
     *
     * @throws LedgerTampered when a balance fails its seal
     */
    public LedgerWrite prepare(JournalEntry entry) {
        throw new UnsupportedOperationException("the ledger lands with issue 10");
    }

    /** Posts {@code entry} in a transaction of its own, preparing again when another posting came first. */
    public PostingOutcome post(JournalEntry entry) {
        throw new UnsupportedOperationException("the ledger lands with issue 10");
    }

    /**
     * An account's balances (one per currency, each checked against its seal) and its latest lines, newest first,
     * {@code limit} at a time from {@code cursor}.
     */
    public AccountStatement statement(AccountId account, Optional<String> cursor, int limit) {
        throw new UnsupportedOperationException("the ledger lands with issue 10");
    }
}
