package com.warroom.ledger;

import java.util.List;
import java.util.Optional;

/** An account's balances and one page of its lines, newest first; {@code nextCursor} continues the page. */
public record AccountStatement(AccountId account, List<Balance> balances, List<Line> lines, Optional<String> nextCursor) {

    /** A balance in one currency: minor units, how many lines it sums, and whether its seal holds. */
    public record Balance(String currency, long minor, long entryCount, String lastEntryId, boolean sealIntact) {
    }

    /** One posting as the account saw it. */
    public record Line(String currency, long seq, String entryId, String cause, java.time.Instant at, long minor,
                       long balanceAfter) {
    }
}
