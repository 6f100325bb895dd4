package com.warroom.support.playbook;

import com.warroom.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the lookup found about one user, as the support playbook reads it to pick a case and fill its answer. Values a
 * role may not see unmasked (wallet addresses, emails) arrive here already masked for that role, so an answer never
 * shows more than the card.
 *
 * @param now the time the lookup ran: ages and stuck badges are measured from it
 */
public record Facts(Instant now, User user, List<Block> blocks, List<OrderFact> orders, List<PayoutFact> payouts,
                    List<ClaimFact> claims, List<FindingFact> findings, List<TicketFact> tickets) {

    public Facts {
        blocks = List.copyOf(blocks);
        orders = List.copyOf(orders);
        payouts = List.copyOf(payouts);
        claims = List.copyOf(claims);
        findings = List.copyOf(findings);
        tickets = List.copyOf(tickets);
    }

    /**
     * The user as the platform described them; {@code known} is false when only orders or events name the user id (no
     * profile was sent), and then the other fields are empty.
     *
     * @param walletAddress the primary wallet's address, masked per role
     * @param coolingOffUntil when a change of primary wallet stops holding payouts, if one is cooling off
     */
    public record User(String userId, boolean known, Optional<String> walletChain, Optional<String> walletAddress,
                       Optional<Instant> walletSince, Optional<Instant> coolingOffUntil, boolean bluecheck, String kycStatus,
                       Optional<String> kycReason, int activeReferralCount) {
    }

    /**
     * A kill switch that blocks this user now: its flag key ({@code claim.referral}), scope ({@code global}, {@code
     * user:u-1}).
     */
    public record Block(String flag, String scope, String reason, Optional<Instant> since) {
    }

    /**
     * A course order: {@code entitled} says whether the user holds the item it bought (the access).
     *
     * @param status the order's status ({@code PENDING}, {@code PAID}, {@code FAILED}, {@code EXPIRED}, {@code
     * REFUNDED}, ...)
     * @param stuck PENDING longer than the sweeper's threshold
     */
    public record OrderFact(String orderId, String item, Money amount, String status, Instant createdAt, Instant updatedAt,
                            Optional<Instant> paidAt, boolean entitled, long refundedMinor, boolean stuck) {
    }

    /**
     * A payout (refund, vesting / referral / SBT claim, withdrawal) with where it is.
     *
     * @param kind a {@code PayoutKind} name
     * @param status a {@code PayoutStatus} name
     * @param destinationAddress where it goes, masked per role
     * @param paidToPrimary whether it goes to the user's current primary wallet
     * @param stuck in its status longer than that status allows
     */
    public record PayoutFact(String payoutId, String kind, Money amount, String status, Optional<String> railStatus,
                             Optional<String> reason, Optional<String> txHash, String destinationAddress, boolean paidToPrimary,
                             Instant createdAt, Instant updatedAt, boolean stuck) {
    }

    /**
     * What the platform told Warroom about this user: a contribution, a referral claim or a refund (its event type).
     */
    public record ClaimFact(String eventId, String type, Optional<Money> amount, Optional<String> roundId, Instant occurredAt) {
    }

    /** An OPEN or ACKNOWLEDGED reconcile finding about this user or one of their orders or payouts. */
    public record FindingFact(String findingId, String check, String risk, String status, String subject) {
    }

    /** One of the user's support tickets. */
    public record TicketFact(String ticketId, String type, String status, String title, Instant createdAt) {
    }
}
