package com.warroom.platform.ingest;

import com.warroom.config.FeeRule;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Posting;
import com.warroom.money.FeePart;
import com.warroom.money.Money;
import com.warroom.platform.EventDetail;
import com.warroom.platform.PlatformEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal entry of an event ({@code platform:<eventId>}, caused by {@code platform:<type>:<eventId>}), or none for a
 * round's finalization. Money comes in through the clearing account of its kind and asset and lands where it is owed:
 * <ul>
 *   <li>ContributionConfirmed: {@code contribution_clearing:<asset>} −a, {@code round_raised:<roundId>} +a</li>
 *   <li>RefundIssued: {@code round_raised:<roundId>} −a, {@code refunds_paid:<roundId>} +a</li>
 *   <li>FeeCharged: {@code fee_clearing:<asset>} −a, and {@code fees:<ruleId>:<recipient>} + each share of the rule's split
 *       (the same accounts as an order's fees)</li>
 *   <li>ReferralClaimed: {@code referral_clearing:<asset>} −a, {@code referral_owed:<userId>} +a</li>
 * </ul>
 */
final class EventPostings {

    private EventPostings() {
    }

    /** @param feeRule the rule in force for a FeeCharged event (empty for the others) */
    static Optional<JournalEntry> entryOf(PlatformEvent event, Optional<FeeRule> feeRule) {
        List<Posting> postings = switch (event.detail()) {
            case EventDetail.Contribution c -> List.of(
                    leg("contribution_clearing:" + c.asset(), c.amount(), -1),
                    leg("round_raised:" + c.roundId(), c.amount(), 1));
            case EventDetail.Refund r -> List.of(
                    leg("round_raised:" + r.roundId(), r.amount(), -1),
                    leg("refunds_paid:" + r.roundId(), r.amount(), 1));
            case EventDetail.Referral r -> List.of(
                    leg("referral_clearing:" + r.asset(), r.amount(), -1),
                    leg("referral_owed:" + r.userId(), r.amount(), 1));
            case EventDetail.Fee f -> feeLegs(f, feeRule.orElseThrow(() -> new IllegalArgumentException("a fee needs its rule")));
            case EventDetail.Finalization finalization -> List.of();
        };
        return postings.isEmpty() ? Optional.empty()
                : Optional.of(new JournalEntry(event.entryId(), event.occurredAt(), event.reference(), postings));
    }

    // a recipient whose share rounds to zero gets no leg, as an order's fee credits do
    private static List<Posting> feeLegs(EventDetail.Fee fee, FeeRule rule) {
        List<Posting> legs = new ArrayList<>();
        legs.add(leg("fee_clearing:" + fee.asset(), fee.amount(), -1));
        for (FeePart part : rule.split(fee.amount().minor())) {
            if (part.minor() != 0) {
                legs.add(new Posting(new AccountId("fees:" + fee.ruleId() + ":" + part.to().wireName()),
                        new Money(fee.asset(), part.minor())));
            }
        }
        return legs;
    }

    private static Posting leg(String account, Money amount, int sign) {
        return new Posting(new AccountId(account), new Money(amount.currency(), sign * amount.minor()));
    }
}
