package com.warroom.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One business event in the ledger: its deterministic {@code id} (derived from the event, e.g.
 * {@code order-paid:O-1}, so posting the same event twice writes it once), when it happened, its {@code cause} (what
 * caused it: {@code order:O-1}) and two or more postings summing to zero per currency, each account at most once per
 * currency.
 */
public record JournalEntry(String id, Instant at, String cause, List<Posting> postings) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:._@#-]{1,200}");

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a journal entry id is 1 to 200 of [A-Za-z0-9:._@#-]: " + id);
        }
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a journal entry has two or more postings: " + id);
        }
        Map<String, Long> sums = new HashMap<>();
        Set<String> legs = new HashSet<>();
        for (Posting p : postings) {
            sums.merge(p.amount().currency(), p.amount().minor(), Math::addExact);
            if (!legs.add(p.account().value() + "|" + p.amount().currency())) {
                throw new IllegalArgumentException("account " + p.account() + " is posted twice in " + p.amount().currency() + ": " + id);
            }
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("the postings of " + id + " sum to " + sum + " " + currency + ", not 0");
            }
        });
    }
}
