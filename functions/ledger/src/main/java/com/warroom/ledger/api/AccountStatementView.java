package com.warroom.ledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.warroom.ledger.AccountStatement;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.util.List;

/**
 * An account's statement as the API shows it: amounts as decimal strings of their currency ({@code "150000.00"}) next
 * to their minor units, each balance's integrity ({@code intact} or {@code tampered}), lines newest first.
 */
record AccountStatementView(String account, boolean nonNegative, List<BalanceView> balances, List<EntryView> entries,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    static final String INTACT = "intact";
    static final String TAMPERED = "tampered";

    record BalanceView(String currency, String balance, long minor, long entryCount, String lastEntryId, String integrity) {
    }

    record EntryView(long seq, String entryId, String cause, String at, String currency, String amount, long minor,
                     String balanceAfter) {
    }

    static AccountStatementView of(AccountStatement statement) {
        List<BalanceView> balances = statement.balances().stream()
                .map(b -> new BalanceView(b.currency(), decimal(b.currency(), b.minor()), b.minor(), b.entryCount(),
                        b.lastEntryId(), b.sealIntact() ? INTACT : TAMPERED))
                .toList();
        List<EntryView> entries = statement.lines().stream()
                .map(l -> new EntryView(l.seq(), l.entryId(), l.cause(), l.at().toString(), l.currency(),
                        decimal(l.currency(), l.minor()), l.minor(), decimal(l.currency(), l.balanceAfter())))
                .toList();
        return new AccountStatementView(statement.account().value(), statement.account().nonNegative(), balances, entries,
                statement.nextCursor().orElse(null));
    }

    // only an item written past the ledger can hold something that is not a currency (and its seal then fails)
    private static String decimal(String currency, long minor) {
        return Money.isUnit(currency) ? DecimalAmount.format(new Money(currency, minor)) : null;
    }
}
