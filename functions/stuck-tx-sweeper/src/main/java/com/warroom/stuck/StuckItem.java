package com.warroom.stuck;

import com.warroom.money.Money;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One non-final payout or PENDING order on the stuck list: where it is, for whom, how much, and since when it has been
 * waiting ({@code since}: an order's registration, a payout's last change, a HELD payout's end of cooling-off).
 */
record StuckItem(Kind kind, String id, String status, String userId, Money amount, Instant since, boolean stuck,
                 Optional<String> reason) {

    /** What the item is; the amount's unit is an {@code asset} for payouts and a {@code currency} for orders. */
    enum Kind {
        PAYOUT("payout", "asset"),
        ORDER("order", "currency");

        private final String label;
        private final String unitField;

        Kind(String label, String unitField) {
            this.label = label;
            this.unitField = unitField;
        }

        String label() {
            return label;
        }

        String unitField() {
            return unitField;
        }
    }

    /** Oldest first; the same instant is broken by kind then id, so that the order of an answer is stable. */
    static final Comparator<StuckItem> OLDEST_FIRST = Comparator.comparing(StuckItem::since)
            .thenComparing(StuckItem::kind).thenComparing(StuckItem::id);

    StuckItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }
}
