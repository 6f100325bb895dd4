package com.warroom.support.lookup;

import com.warroom.payments.Order;
import com.warroom.payments.PaymentEvent;
import com.warroom.payouts.Payout;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.Wallet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tries {@code q} as each kind its shape allows, in {@link Identifiers}' order, and stops at the first kind that leads
 * to
 * a user: one card per lookup, the other users that same match leads to named in {@code alsoMatched}.
 */
final class IdentifierSearch {

    private final LookupStore store;

    IdentifierSearch(LookupStore store) {
        this.store = store;
    }

    Search search(String q, List<QueryKind> kinds) {
        List<String> searched = new ArrayList<>();
        for (QueryKind kind : kinds) {
            Optional<Search.Found> found = switch (kind) {
                case USER_ID -> user(q, searched);
                case EMAIL -> email(q, searched);
                case WALLET_EVM -> wallet(Wallet.lookupKey(true, q), kind, searched);
                case WALLET_SOLANA -> wallet(Wallet.lookupKey(false, q), kind, searched);
                case ORDER_ID -> order(q, searched);
                case PAYOUT_ID -> payout(q, searched);
                case MIDTRANS_TRANSACTION_ID -> transaction(q, searched);
                case TX_HASH -> txHash(q, searched);
            };
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new Search.NotFound(kinds, searched);
    }

    private Optional<Search.Found> user(String q, List<String> searched) {
        searched.add("users by id");
        if (store.user(q).isPresent()) {
            return found(QueryKind.USER_ID, "user " + q, List.of(q));
        }
        // the platform may not have told Warroom of a user who has paid or been paid
        searched.add("orders, payouts and platform events by user id");
        if (!store.ordersByUser(q).isEmpty() || !store.payoutsByUser(q).isEmpty() || !store.eventsByUser(q).isEmpty()) {
            return found(QueryKind.USER_ID, "user " + q + " (known from orders, payouts or events only)", List.of(q));
        }
        return Optional.empty();
    }

    private Optional<Search.Found> email(String q, List<String> searched) {
        searched.add("orders by customer email");
        List<Order> orders = store.ordersByEmail(q);
        Set<String> users = new LinkedHashSet<>();
        orders.forEach(order -> users.add(order.userId()));
        return found(QueryKind.EMAIL, orders.size() == 1 ? "1 order with this email" : orders.size() + " orders with this email",
                List.copyOf(users));
    }

    private Optional<Search.Found> wallet(String walletKey, QueryKind kind, List<String> searched) {
        searched.add("users by primary wallet");
        List<String> users = store.usersByWallet(walletKey).stream().map(UserProfile::userId).distinct().toList();
        return found(kind, users.size() == 1 ? "the primary wallet of user " + users.get(0)
                : "the primary wallet of " + users.size() + " users", users);
    }

    private Optional<Search.Found> order(String q, List<String> searched) {
        searched.add("orders by id");
        return store.order(q).flatMap(order -> found(QueryKind.ORDER_ID, "order " + order.orderId(), List.of(order.userId()))
                .map(f -> new Search.Found(f.kind(), f.subject(), f.userIds(), Optional.of(order.orderId()), Optional.empty())));
    }

    private Optional<Search.Found> payout(String q, List<String> searched) {
        searched.add("payouts by id");
        return store.payout(q).flatMap(payout -> foundPayout(QueryKind.PAYOUT_ID, payout));
    }

    private Optional<Search.Found> transaction(String q, List<String> searched) {
        searched.add("Midtrans notifications by transaction id");
        for (String id : spellings(q)) {
            for (PaymentEvent event : store.paymentEventsByTransaction(id)) {
                Optional<Order> order = store.order(event.orderId());
                if (order.isPresent()) {
                    return found(QueryKind.MIDTRANS_TRANSACTION_ID, "order " + order.get().orderId() + " (its Midtrans transaction)",
                            List.of(order.get().userId()))
                            .map(f -> new Search.Found(f.kind(), f.subject(), f.userIds(), Optional.of(order.get().orderId()),
                                    Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Search.Found> txHash(String q, List<String> searched) {
        searched.add("payouts by chain transaction");
        for (String hash : spellings(q)) {
            List<Payout> payouts = store.payoutsByTxHash(hash);
            if (!payouts.isEmpty()) {
                return foundPayout(QueryKind.TX_HASH, payouts.get(0)).map(f -> new Search.Found(f.kind(), f.subject(),
                        distinct(payouts.stream().map(p -> p.request().userId()).toList()), f.order(), f.payout()));
            }
        }
        searched.add("contributions by chain transaction");
        for (String hash : spellings(q)) {
            List<LookupStore.EventRow> events = store.eventsByTxHash(hash);
            List<String> users = distinct(events.stream().flatMap(e -> e.userId().stream()).toList());
            if (!users.isEmpty()) {
                return found(QueryKind.TX_HASH, "contribution " + events.get(0).eventId(), users);
            }
        }
        return Optional.empty();
    }

    private static Optional<Search.Found> foundPayout(QueryKind kind, Payout payout) {
        return found(kind, "payout " + payout.payoutId(), List.of(payout.request().userId()))
                .map(f -> new Search.Found(f.kind(), f.subject(), f.userIds(), Optional.empty(), Optional.of(payout.payoutId())));
    }

    private static Optional<Search.Found> found(QueryKind kind, String subject, List<String> userIds) {
        List<String> users = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        return users.isEmpty() ? Optional.empty()
                : Optional.of(new Search.Found(kind, subject, users, Optional.empty(), Optional.empty()));
    }

    // hex ids are written in whatever case their source used: try the text as pasted, then in lower case
    private static List<String> spellings(String q) {
        String lower = q.toLowerCase(Locale.ROOT);
        return q.startsWith("0x") || q.matches("[0-9A-Fa-f-]+") ? distinct(List.of(q, lower)) : List.of(q);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
