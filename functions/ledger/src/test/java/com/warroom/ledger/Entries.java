package com.warroom.ledger;

import com.warroom.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Journal entries written briefly, for tests: {@code Entries.of("order-paid:O-1", leg(clearing, "IDR", -150), ...)}. */
final class Entries {

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private Entries() {
    }

    static JournalEntry of(String id, Posting... postings) {
        return new JournalEntry(id, AT, "test:" + id, Arrays.asList(postings));
    }

    static Posting leg(AccountId account, String currency, long minor) {
        return new Posting(account, new Money(currency, minor));
    }

    /** {@code amount} from {@code from} to {@code to}, in one currency. */
    static JournalEntry transfer(String id, AccountId from, AccountId to, String currency, long amount) {
        return of(id, leg(from, currency, -amount), leg(to, currency, amount));
    }

    /** {@code amount} from {@code from}, split over {@code to} in the given parts (which sum to {@code amount}). */
    static JournalEntry split(String id, AccountId from, String currency, List<AccountId> to, List<Long> parts) {
        List<Posting> postings = new ArrayList<>();
        postings.add(leg(from, currency, -parts.stream().mapToLong(Long::longValue).sum()));
        for (int i = 0; i < to.size(); i++) {
            postings.add(leg(to.get(i), currency, parts.get(i)));
        }
        return new JournalEntry(id, AT, "test:" + id, postings);
    }
}
