package com.warroom.support.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagSnapshot;
import com.warroom.flags.FlagStore;
import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.Entitlement;
import com.warroom.payments.Order;
import com.warroom.payments.OrderStatus;
import com.warroom.payments.PendingOrders;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutView;
import com.warroom.payouts.UserProfile;
import com.warroom.support.playbook.Facts;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a card says about one user into the {@link Facts} the playbook reads, wallet addresses masked as the
 * caller may see them. Stuck badges use the thresholds the stuck list and the sweeper use: a payout's
 * {@link com.warroom.payouts.PayoutStatus#stuckAfter}, an order PENDING past {@link PendingOrders#OVERDUE}.
 */
final class CardReader {

    private static final Logger LOG = LoggerFactory.getLogger(CardReader.class);

    private final LookupStore store;

    CardReader(LookupStore store) {
        this.store = store;
    }

    Facts read(Search.Found found, Instant now, Masking masking) {
        String userId = found.userIds().get(0);
        Optional<UserProfile> profile = store.user(userId);
        List<Order> orders = withFocus(store.ordersByUser(userId), found.order().flatMap(store::order), Order::orderId,
                Comparator.comparing((Order o) -> o.times().createdAt()).reversed());
        List<Payout> payouts = withFocus(store.payoutsByUser(userId), found.payout().flatMap(store::payout), Payout::payoutId,
                Comparator.comparing((Payout p) -> p.times().createdAt()).reversed());
        Set<String> entitled = new HashSet<>();
        store.entitlements(userId).stream().filter(Entitlement::active).forEach(e -> entitled.add(e.item()));
        List<Facts.ClaimFact> claims = store.eventsByUser(userId).stream().map(CardReader::claim).toList();

        Set<String> rounds = new LinkedHashSet<>();
        claims.forEach(c -> c.roundId().ifPresent(rounds::add));
        payouts.forEach(p -> p.request().roundId().ifPresent(rounds::add));
        Set<String> ids = new HashSet<>();
        ids.add(userId);
        orders.forEach(o -> ids.add(o.orderId()));
        payouts.forEach(p -> ids.add(p.payoutId()));

        return new Facts(now, user(userId, profile, masking),
                blocks(userId, rounds),
                orders.stream().map(o -> order(o, entitled, now)).toList(),
                payouts.stream().map(p -> payout(p, profile, now, masking)).toList(),
                claims,
                store.unresolvedFindings().stream().filter(f -> about(f.subject(), ids))
                        .map(f -> new Facts.FindingFact(f.findingId(), f.check(), f.risk(), f.status(), f.subject())).toList(),
                store.ticketsByUser(userId).stream()
                        .map(t -> new Facts.TicketFact(t.ticketId(), t.type(), t.status(), t.title(), instant(t.createdAt()).orElse(Instant.EPOCH)))
                        .toList());
    }

    private static Facts.User user(String userId, Optional<UserProfile> profile, Masking masking) {
        if (profile.isEmpty()) {
            return new Facts.User(userId, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, "",
                    Optional.empty(), 0);
        }
        UserProfile p = profile.get();
        return new Facts.User(userId, true, Optional.of(p.primaryWallet().chain()), Optional.of(masking.address(p.primaryWallet().address())),
                Optional.of(p.walletSince()), p.coolingOffUntil(), p.standing().bluecheck(), p.standing().kycStatus(),
                p.standing().kycReason(), p.standing().activeReferralCount());
    }

    /** The kill switches off now where they reach this user: everywhere, for this user, or for a round of theirs. */
    private List<Facts.Block> blocks(String userId, Set<String> rounds) {
        FlagSnapshot snapshot = switch (store.flags()) {
            case FlagStore.Load.Trusted trusted -> trusted.snapshot();
            case FlagStore.Load.Tampered tampered -> {
                // the card still shows what the table says; the flag gate fails closed on its own and raises the alarm
                LOG.warn("the flag states do not match their seal; the card shows them as stored: {}", tampered.why());
                yield tampered.untrusted();
            }
        };
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(FlagScope.GLOBAL.key());
        scopes.add(new FlagScope.User(userId).key());
        rounds.forEach(round -> scopes.add(new FlagScope.Round(round).key()));
        return snapshot.records().stream()
                .filter(r -> !r.enabled() && scopes.contains(r.scope()))
                .sorted(Comparator.comparing(FlagRecord::flag).thenComparing(FlagRecord::scope))
                .map(r -> new Facts.Block(r.flag(), r.scope(), r.reason() == null ? "" : r.reason(), instant(r.updatedAt())))
                .toList();
    }

    private static Facts.OrderFact order(Order order, Set<String> entitled, Instant now) {
        boolean pending = OrderStatus.PENDING.name().equals(order.status());
        boolean stuck = pending && now.isAfter(order.times().createdAt().plus(PendingOrders.OVERDUE));
        return new Facts.OrderFact(order.orderId(), order.item(), order.amount(), order.status(), order.times().createdAt(),
                order.times().updatedAt(), order.times().paidAt(), entitled.contains(order.item()), order.refundedMinor(), stuck);
    }

    private static Facts.PayoutFact payout(Payout payout, Optional<UserProfile> profile, Instant now, Masking masking) {
        boolean toPrimary = profile.map(p -> p.primaryWallet().sameAs(payout.destination())).orElse(false);
        Payout.Progress progress = payout.progress();
        return new Facts.PayoutFact(payout.payoutId(), payout.request().kind(), payout.request().amount(), progress.status(),
                progress.railStatus(), progress.reason(), progress.txHash(), masking.address(payout.destination().address()), toPrimary,
                payout.times().createdAt(), payout.times().updatedAt(), PayoutView.stuck(payout, now));
    }

    /**
     * An event's detail as received: {@code amount} a decimal string of {@code asset}, {@code roundId} when it has one.
     */
    private static Facts.ClaimFact claim(LookupStore.EventRow event) {
        JsonNode detail = detail(event.detail());
        String asset = detail.path("asset").asText("");
        String amount = detail.path("amount").asText("");
        Optional<Money> money = asset.isEmpty() || amount.isEmpty() ? Optional.empty() : amount(amount, asset);
        Optional<String> round = detail.path("roundId").isTextual() ? Optional.of(detail.path("roundId").asText()) : Optional.empty();
        return new Facts.ClaimFact(event.eventId(), event.type(), money, round, instant(event.occurredAt()).orElse(Instant.EPOCH));
    }

    private static Optional<Money> amount(String text, String asset) {
        try {
            if (DecimalAmount.parsePositiveAsset(text, asset) instanceof DecimalAmount.Parsed.Valid valid) {
                return Optional.of(valid.money());
            }
            return DecimalAmount.tryParsePositive(text, asset);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static JsonNode detail(String text) {
        try {
            return Json.mapper().readTree(text == null || text.isEmpty() ? "{}" : text);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return Json.mapper().createObjectNode();
        }
    }

    /**
     * Whether a finding's subject names one of the ids: subjects are an id ({@code ord-1}), an id and what of it
     * ({@code ord-1 entitlement}) or an account ({@code user:u-1}, {@code exp:u-1 EXP}).
     */
    static boolean about(String subject, Set<String> ids) {
        for (String token : subject.split("[\\s,;()]+")) {
            if (ids.contains(token)) {
                return true;
            }
            int colon = token.indexOf(':');
            if (colon >= 0 && ids.contains(token.substring(colon + 1))) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> withFocus(List<T> recent, Optional<T> focus, java.util.function.Function<T, String> id,
                                         Comparator<T> newestFirst) {
        if (focus.isEmpty() || recent.stream().anyMatch(item -> id.apply(item).equals(id.apply(focus.get())))) {
            return recent;
        }
        List<T> all = new ArrayList<>(recent);
        all.add(focus.get());
        all.sort(newestFirst);
        return List.copyOf(all);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
