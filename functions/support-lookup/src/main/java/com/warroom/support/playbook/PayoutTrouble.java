package com.warroom.support.playbook;

import static com.warroom.support.TicketPriority.CRITICAL;
import static com.warroom.support.TicketPriority.HIGH;
import static com.warroom.support.TicketPriority.LOW;
import static com.warroom.support.TicketPriority.MEDIUM;

import com.warroom.support.playbook.Facts.PayoutFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "My refund / my vesting claim did not arrive": a payout of the kind is QUARANTINED, FAILED (and not paid since by a
 * later one), stuck, waiting for a retry, on its way, or the flow's kill switch blocks the user. A HELD payout that is
 * not stuck is the wallet's cooling-off (case wrong_wallet); CONFIRMED and CANCELLED ones are not trouble.
 */
final class PayoutTrouble implements CaseRule {

    static final Situation QUARANTINED = new Situation("quarantined", CRITICAL, Payouts.PAYOUT_PLACEHOLDERS);
    static final Situation FAILED = new Situation("failed", HIGH, Payouts.PAYOUT_PLACEHOLDERS);
    static final Situation STUCK = new Situation("stuck", HIGH, Payouts.PAYOUT_PLACEHOLDERS);
    static final Situation RETRY_SCHEDULED = new Situation("retry_scheduled", MEDIUM, Payouts.PAYOUT_PLACEHOLDERS);
    static final Situation BLOCKED = new Situation("blocked", MEDIUM, Payouts.BLOCK_PLACEHOLDERS);
    static final Situation IN_PROGRESS = new Situation("in_progress", LOW, Payouts.PAYOUT_PLACEHOLDERS);

    private final String caseId;
    private final String kind;
    private final String flowFlag;

    private PayoutTrouble(String caseId, String kind, String flowFlag) {
        this.caseId = caseId;
        this.kind = kind;
        this.flowFlag = flowFlag;
    }

    static PayoutTrouble refund() {
        return new PayoutTrouble("refund_failed", "REFUND", "refund");
    }

    static PayoutTrouble vestingClaim() {
        return new PayoutTrouble("vesting_claim_failed", "VESTING_CLAIM", "claim.vesting");
    }

    @Override
    public String caseId() {
        return caseId;
    }

    @Override
    public List<Situation> situations() {
        return List.of(QUARANTINED, FAILED, STUCK, RETRY_SCHEDULED, BLOCKED, IN_PROGRESS);
    }

    @Override
    public List<Match> matches(Facts facts) {
        List<Match> matches = new ArrayList<>();
        List<PayoutFact> payouts = Payouts.ofKind(facts, kind);
        for (PayoutFact payout : payouts) {
            situationOf(payout, facts.payouts()).ifPresent(s -> matches.add(new Match(s, Payouts.values(facts, payout))));
        }
        Payouts.blocking(facts, flowFlag, kind).forEach(b -> matches.add(new Match(BLOCKED, Payouts.values(facts, b))));
        return matches;
    }

    private static Optional<Situation> situationOf(PayoutFact payout, List<PayoutFact> all) {
        return switch (payout.status()) {
            case "QUARANTINED" -> Optional.of(QUARANTINED);
            case "FAILED" -> Payouts.superseded(payout, all) ? Optional.empty() : Optional.of(FAILED);
            case "CONFIRMED", "CANCELLED" -> Optional.empty();
            default -> {
                if (payout.stuck()) {
                    yield Optional.of(STUCK);
                }
                yield switch (payout.status()) {
                    case "RETRY_SCHEDULED" -> Optional.of(RETRY_SCHEDULED);
                    case "REQUESTED", "SUBMITTING", "SUBMITTED" -> Optional.of(IN_PROGRESS);
                    default -> Optional.empty();
                };
            }
        };
    }
}
