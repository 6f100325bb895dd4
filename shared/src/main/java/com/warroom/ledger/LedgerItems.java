package com.warroom.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger's items as a scan of its tables returns them (raw attribute maps), for the daily reconciliation that goes
 * through every item: which entries-table items are journal entries, what a journal entry or a balance says, and
 * whether a stored balance still matches its seal. The tables' own schemas stay inside this package.
 */
public final class LedgerItems {

    private LedgerItems() {
    }

    /** One running balance as stored; {@code nonNegative} follows the account's kind, never the table. */
    public record Balance(String account, String currency, long minor, boolean nonNegative) {
    }

    /** One leg of a journal entry as stored. */
    public record Leg(String account, String currency, long minor) {
    }

    /** A journal entry as stored: its id, cause, when it happened and was posted, and its legs. */
    public record Journal(String entryId, String cause, String at, String postedAt, List<Leg> legs) {
    }

    /** The balance a balances-table item holds; empty for an item without an account or a currency. */
    public static Optional<Balance> balance(Map<String, AttributeValue> item) {
        LedgerBalance stored = LedgerBalance.SCHEMA.mapToItem(item);
        if (stored.account() == null || stored.currency() == null) {
            return Optional.empty();
        }
        boolean nonNegative = !AccountId.isValid(stored.account()) || new AccountId(stored.account()).nonNegative();
        return Optional.of(new Balance(stored.account(), stored.currency(), stored.balance(), nonNegative));
    }

    /**
     * Whether a balances-table item still matches its seal (one VerifyMac); a missing seal is
     * {@link Verification.Invalid}.
     */
    public static Verification verifyBalance(Map<String, AttributeValue> item, Sealer sealer) {
        LedgerBalance stored = LedgerBalance.SCHEMA.mapToItem(item);
        if (stored.mac() == null || stored.mac().isEmpty()) {
            return new Verification.Invalid();
        }
        return sealer.verify(stored.canonical(), stored.seal());
    }

    /**
     * The id of the journal entry an entries-table item holds, without reading its postings; empty for an account's
     * line. For a scan that wants a few entries of many.
     */
    public static Optional<String> journalId(Map<String, AttributeValue> item) {
        AttributeValue key = item.get("key");
        if (key == null || key.s() == null || !key.s().startsWith(JournalRecord.PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(key.s().substring(JournalRecord.PREFIX.length()));
    }

    /**
     * The journal entry an entries-table item holds; empty for an account's line (the same table holds both) and for
     * a journal item whose postings cannot be read (as {@link Journal} with no legs).
     */
    public static Optional<Journal> journal(Map<String, AttributeValue> item) {
        AttributeValue key = item.get("key");
        if (key == null || key.s() == null || !key.s().startsWith(JournalRecord.PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(journal(JournalRecord.SCHEMA.mapToItem(item)));
    }

    static Journal journal(JournalRecord record) {
        String entryId = record.entryId() != null ? record.entryId() : record.key().substring(JournalRecord.PREFIX.length());
        return new Journal(entryId, record.cause(), record.at(), record.postedAt(), legs(record.postings()));
    }

    private static List<Leg> legs(String postings) {
        List<Leg> legs = new ArrayList<>();
        JsonNode parsed;
        try {
            parsed = postings == null ? null : Json.readTree(postings);
        } catch (UncheckedIOException e) {
            return legs;
        }
        if (parsed == null || !parsed.isArray()) {
            return legs;
        }
        for (JsonNode leg : parsed) {
            if (leg.path("account").isTextual() && leg.path("currency").isTextual() && leg.path("minor").isIntegralNumber()) {
                legs.add(new Leg(leg.get("account").textValue(), leg.get("currency").textValue(), leg.get("minor").longValue()));
            }
        }
        return legs;
    }
}
