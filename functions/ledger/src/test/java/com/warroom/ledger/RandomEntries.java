package com.warroom.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random journal entries over a small set of accounts: two clearing accounts (which may go negative) and four that may
 * not, in IDR and JPY, sometimes both in one entry, with ids drawn from a small pool so that some repeat. Amounts lean
 * towards money flowing out of clearing and into the others, so that most sequences post something before they overdraw.
 */
final class RandomEntries {

    static final long MAX_AMOUNT = 5_000_000;

    private RandomEntries() {
    }

    /** The accounts of one run; {@code run} keeps them apart from other runs' in a shared table. */
    static List<AccountId> accounts(String run) {
        return List.of(new AccountId("psp_clearing:midtrans-" + run), new AccountId("psp_clearing:bank-" + run),
                new AccountId("revenue:courses-" + run), new AccountId("fees:blue_check:treasury-" + run),
                new AccountId("fees:blue_check:referral-" + run), new AccountId("user:u-" + run + ":IDR"));
    }

    static Arbitrary<JournalEntry> entries(List<AccountId> accounts, String idPrefix, int distinctIds) {
        Arbitrary<String> ids = Arbitraries.integers().between(0, distinctIds - 1).map(i -> idPrefix + i);
        Arbitrary<List<Posting>> oneCurrency = Arbitraries.of("IDR", "JPY").flatMap(currency -> legs(accounts, currency));
        Arbitrary<List<Posting>> twoCurrencies = Combinators.combine(legs(accounts, "IDR"), legs(accounts, "JPY"))
                .as((idr, jpy) -> {
                    List<Posting> both = new ArrayList<>(idr);
                    both.addAll(jpy);
                    return both;
                });
        Arbitrary<List<Posting>> postings = Arbitraries.frequencyOf(Tuple.of(5, oneCurrency), Tuple.of(1, twoCurrencies));
        Arbitrary<Instant> at = Arbitraries.longs().between(0, 86_400).map(Entries.AT::plusSeconds);
        return Combinators.combine(ids, at, postings).as((id, when, legs) -> new JournalEntry(id, when, "test:" + id, legs));
    }

    /** Two to four distinct accounts in one currency, summing to zero, none with zero. */
    private static Arbitrary<List<Posting>> legs(List<AccountId> accounts, String currency) {
        return Arbitraries.of(accounts).list().uniqueElements().ofMinSize(2).ofMaxSize(4).flatMap(chosen -> {
            List<Arbitrary<Long>> amounts = new ArrayList<>();
            for (AccountId account : chosen.subList(0, chosen.size() - 1)) {
                amounts.add(amount(account));
            }
            return Combinators.combine(amounts).as(List::copyOf)
                    .filter(parts -> parts.stream().mapToLong(Long::longValue).sum() != 0)
                    .map(parts -> {
                        List<Posting> legs = new ArrayList<>();
                        for (int i = 0; i < parts.size(); i++) {
                            legs.add(Entries.leg(chosen.get(i), currency, parts.get(i)));
                        }
                        legs.add(Entries.leg(chosen.getLast(), currency, -parts.stream().mapToLong(Long::longValue).sum()));
                        return legs;
                    });
        });
    }

    private static Arbitrary<Long> amount(AccountId account) {
        Arbitrary<Long> magnitude = Arbitraries.longs().between(1, MAX_AMOUNT);
        Arbitrary<Long> sign = account.nonNegative()
                ? Arbitraries.frequency(Tuple.of(3, 1L), Tuple.of(1, -1L))
                : Arbitraries.frequency(Tuple.of(3, -1L), Tuple.of(1, 1L));
        return Combinators.combine(sign, magnitude).as((s, m) -> s * m);
    }
}
