package com.warroom.payouts;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.config.ConfigSeeder;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.money.DecimalAmount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts a seed's opening balances: each treasury account's entry from {@code equity:opening}, written in one
 * transaction with its audit entry. The entry id is the account's ({@link PayoutJournal#openingId}), so seeding again
 * posts nothing: an account is opened once, and later changes of its balance are postings like any other.
 */
public final class TreasuryOpenings {

    public static final String AUDIT_ACTION = "ledger.opening-balance";

    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    public TreasuryOpenings(Ledger ledger, AuditLog audit, Clock clock) {
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of one opening balance. */
    public sealed interface Outcome {
        String entryId();

        record Posted(String entryId) implements Outcome {
        }

        record AlreadyPosted(String entryId) implements Outcome {
        }
    }

    /**
     * Posts each opening not posted yet, in order; {@code source} names where they come from (e.g.
     * {@code seed:config/seed-v1.json}).
     */
    public List<Outcome> post(OpeningBalances balances, Caller actor, ConfigSeeder.SeedSource source) {
        List<Outcome> outcomes = new ArrayList<>();
        for (OpeningBalances.Opening opening : balances.openings()) {
            JournalEntry entry = opening.entry(clock.instant());
            outcomes.add(audit.commit(auditSeq -> switch (ledger.prepare(entry)) {
                case LedgerWrite.AlreadyPosted posted -> new AuditedChange.Refuse<>(new Outcome.AlreadyPosted(posted.entryId()));
                case LedgerWrite.Writes writes -> new AuditedChange.Write<Outcome>(writes.writes(), draft(opening, entry, actor, source),
                        written -> new Outcome.Posted(entry.id()));
                // only equity gives and a treasury only receives: nothing can go below zero
                case LedgerWrite.Overdrawn overdrawn -> throw new IllegalStateException("the ledger refuses opening " + entry.id()
                        + ": " + overdrawn.account() + " would go to " + DecimalAmount.format(overdrawn.balanceAfter()));
            }));
        }
        return outcomes;
    }

    private static AuditDraft draft(OpeningBalances.Opening opening, JournalEntry entry, Caller actor, ConfigSeeder.SeedSource source) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("entryId", entry.id());
        after.put("account", opening.account().value());
        after.put("from", PayoutJournal.OPENING.value());
        after.put("amount", DecimalAmount.format(opening.amount()));
        after.put("asset", opening.amount().currency());
        after.put("source", source.name());
        return new AuditDraft(actor, AUDIT_ACTION, "ledger:" + opening.account().value(), null, Json.write(after),
                "opening balance of " + opening.account() + " from " + source.name(), source.origin());
    }
}
