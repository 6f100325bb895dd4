package com.warroom.support.lookup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.support.playbook.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The card as the API answers it: amounts as decimal strings with their currency or asset, times ISO-8601 UTC, ages in
 * whole seconds (never negative). Wallet addresses arrive in the facts already masked for the caller.
 */
final class CardView {

    private CardView() {
    }

    /** What the card answers about the query: {@code q} as the caller may see it, the kind it matched as and what. */
    record QueryEcho(String q, QueryKind kind, String matched) {
    }

    static ObjectNode of(QueryEcho query, Masking masking, Facts facts, List<String> alsoMatched, ArrayNode suggestions) {
        ObjectNode card = Json.mapper().createObjectNode();
        ObjectNode q = card.putObject("query");
        q.put("q", query.q());
        q.put("kind", query.kind().name());
        q.put("matched", query.matched());
        card.put("masked", masking == Masking.MASKED);
        card.set("user", user(facts.user(), facts.now()));
        ArrayNode blocks = card.putArray("blocks");
        facts.blocks().forEach(b -> {
            ObjectNode block = blocks.addObject();
            block.put("flag", b.flag());
            block.put("scope", b.scope());
            block.put("reason", b.reason());
            block.put("since", time(b.since()));
        });
        ArrayNode orders = card.putArray("orders");
        facts.orders().forEach(o -> {
            ObjectNode order = orders.addObject();
            order.put("orderId", o.orderId());
            order.put("item", o.item());
            order.put("amount", DecimalAmount.format(o.amount()));
            order.put("currency", o.amount().currency());
            order.put("status", o.status());
            order.put("createdAt", SortableTime.format(o.createdAt()));
            order.put("ageSeconds", age(o.createdAt(), facts.now()));
            order.put("stuck", o.stuck());
            order.put("entitled", o.entitled());
            order.put("paidAt", time(o.paidAt()));
        });
        ArrayNode payouts = card.putArray("payouts");
        facts.payouts().forEach(p -> {
            ObjectNode payout = payouts.addObject();
            payout.put("payoutId", p.payoutId());
            payout.put("kind", p.kind());
            payout.put("amount", DecimalAmount.format(p.amount()));
            payout.put("asset", p.amount().currency());
            payout.put("status", p.status());
            payout.put("railStatus", p.railStatus().orElse(null));
            payout.put("reason", p.reason().orElse(null));
            payout.put("txHash", p.txHash().orElse(null));
            payout.put("destination", p.destinationAddress());
            payout.put("paidToPrimary", p.paidToPrimary());
            payout.put("createdAt", SortableTime.format(p.createdAt()));
            payout.put("updatedAt", SortableTime.format(p.updatedAt()));
            payout.put("ageSeconds", age(p.createdAt(), facts.now()));
            payout.put("stuck", p.stuck());
        });
        ArrayNode claims = card.putArray("claims");
        facts.claims().forEach(c -> {
            ObjectNode claim = claims.addObject();
            claim.put("eventId", c.eventId());
            claim.put("type", c.type());
            claim.put("amount", c.amount().map(DecimalAmount::format).orElse(null));
            claim.put("asset", c.amount().map(Money::currency).orElse(null));
            claim.put("roundId", c.roundId().orElse(null));
            claim.put("occurredAt", SortableTime.format(c.occurredAt()));
        });
        ArrayNode findings = card.putArray("findings");
        facts.findings().forEach(f -> {
            ObjectNode finding = findings.addObject();
            finding.put("findingId", f.findingId());
            finding.put("check", f.check());
            finding.put("risk", f.risk());
            finding.put("status", f.status());
            finding.put("subject", f.subject());
        });
        ArrayNode tickets = card.putArray("tickets");
        facts.tickets().forEach(t -> {
            ObjectNode ticket = tickets.addObject();
            ticket.put("ticketId", t.ticketId());
            ticket.put("type", t.type());
            ticket.put("status", t.status());
            ticket.put("title", t.title());
            ticket.put("createdAt", SortableTime.format(t.createdAt()));
        });
        card.set("suggestions", suggestions);
        ArrayNode also = card.putArray("alsoMatched");
        alsoMatched.forEach(also::add);
        return card;
    }

    private static ObjectNode user(Facts.User u, Instant now) {
        ObjectNode user = Json.mapper().createObjectNode();
        user.put("userId", u.userId());
        user.put("known", u.known());
        if (u.walletAddress().isPresent()) {
            ObjectNode wallet = user.putObject("primaryWallet");
            wallet.put("chain", u.walletChain().orElse(null));
            wallet.put("address", u.walletAddress().get());
        } else {
            user.putNull("primaryWallet");
        }
        user.put("walletSince", time(u.walletSince()));
        user.put("coolingOffUntil", time(u.coolingOffUntil()));
        user.put("coolingOff", u.coolingOffUntil().filter(now::isBefore).isPresent());
        user.put("bluecheck", u.bluecheck());
        ObjectNode kyc = user.putObject("kyc");
        kyc.put("status", u.known() ? u.kycStatus() : null);
        kyc.put("reason", u.kycReason().orElse(null));
        user.put("activeReferralCount", u.activeReferralCount());
        return user;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(SortableTime::format).orElse(null);
    }

    private static long age(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }
}
