package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.CRITICAL;
import static com.warroom.support.TicketPriority.HIGH;
import static com.warroom.support.TicketPriority.MEDIUM;

import com.warroom.support.playbook.Facts.PayoutFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "The money went to the wrong wallet" / "my wallet is wrong": a payout to a wallet other than the current primary,
 * or a primary wallet cooling off after a change. A payout requested before the change rightly went to the wallet
 * primary then; one requested after it to another wallet should never exist (the worker pays only the primary).
 */
final class WrongWallet implements CaseRule {

    private static final Set<String> PLACEHOLDERS = with(Payouts.PAYOUT_PLACEHOLDERS, "wallet", "walletSince");
    static final Situation DESTINATION_MISMATCH = new Situation("destination_mismatch", CRITICAL, PLACEHOLDERS);
    static final Situation SENT_TO_PREVIOUS_WALLET = new Situation("sent_to_previous_wallet", HIGH, PLACEHOLDERS);
    static final Situation STOPPED_PREVIOUS_WALLET = new Situation("stopped_previous_wallet", HIGH, PLACEHOLDERS);
    static final Situation COOLING_OFF = new Situation("cooling_off", MEDIUM,
            Set.of("userId", "wallet", "walletSince", "coolingOffUntil", "heldPayouts"));

    private static final Set<String> GONE_OUT = Set.of("CONFIRMED", "SUBMITTED", "SUBMITTING");

    @Override
    public String caseId() {
        return "wrong_wallet";
    }

    @Override
    public List<Situation> situations() {
        return List.of(DESTINATION_MISMATCH, SENT_TO_PREVIOUS_WALLET, STOPPED_PREVIOUS_WALLET, COOLING_OFF);
    }

    @Override
    public List<Match> matches(Facts facts) {
        Facts.User user = facts.user();
        if (!user.known() || user.walletAddress().isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        Instant walletSince = user.walletSince().orElse(Instant.MIN);
        for (PayoutFact payout : facts.payouts()) {
            if (payout.paidToPrimary() || payout.status().equals("CANCELLED")) {
                continue;
            }
            Situation situation = !payout.createdAt().isBefore(walletSince) ? DESTINATION_MISMATCH
                    : GONE_OUT.contains(payout.status()) ? SENT_TO_PREVIOUS_WALLET : STOPPED_PREVIOUS_WALLET;
            if (situation == STOPPED_PREVIOUS_WALLET && payout.status().equals("FAILED") && Payouts.superseded(payout, facts.payouts())) {
                continue;
            }
            matches.add(new Match(situation, wallet(Payouts.values(facts, payout), user)));
        }
        user.coolingOffUntil().filter(facts.now()::isBefore).ifPresent(until -> {
            long held = facts.payouts().stream().filter(p -> p.status().equals("HELD")).count();
            Values values = wallet(new Values().put("userId", user.userId()), user)
                    .put("coolingOffUntil", Wording.time(until))
                    .put("heldPayouts", Long.toString(held));
            matches.add(new Match(COOLING_OFF, values));
        });
        return matches;
    }

    private static Values wallet(Values values, Facts.User user) {
        String chain = user.walletChain().map(c -> " (" + c + ")").orElse("");
        values.put("wallet", user.walletAddress().orElseThrow() + chain);
        return user.walletSince().map(since -> values.put("walletSince", Wording.time(since)))
                .orElseGet(() -> values.put("walletSince", "tidak diketahui", "unknown"));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
