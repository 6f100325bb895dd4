package com.warroom.support.playbook;

import com.warroom.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts as the lookup would build them for one user, written the way support describes a case. */
final class FactsBuilder {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String WALLET = "0x…a738";
    static final String OLD_WALLET = "0x…91f0";

    private String userId = "u-1";
    private boolean known = true;
    private Instant walletSince = NOW.minus(Duration.ofDays(90));
    private Optional<Instant> coolingOffUntil = Optional.empty();
    private boolean bluecheck = true;
    private String kycStatus = "APPROVED";
    private Optional<String> kycReason = Optional.empty();
    private int activeReferralCount = 0;
    private final List<Facts.Block> blocks = new ArrayList<>();
    private final List<Facts.OrderFact> orders = new ArrayList<>();
    private final List<Facts.PayoutFact> payouts = new ArrayList<>();
    private final List<Facts.ClaimFact> claims = new ArrayList<>();
    private final List<Facts.FindingFact> findings = new ArrayList<>();
    private final List<Facts.TicketFact> tickets = new ArrayList<>();

    static FactsBuilder user() {
        return new FactsBuilder();
    }

    /** Only orders or events name the user: no profile. */
    FactsBuilder unknownProfile() {
        known = false;
        bluecheck = false;
        kycStatus = "";
        return this;
    }

    FactsBuilder kyc(String status, String reason) {
        kycStatus = status;
        kycReason = Optional.ofNullable(reason);
        return this;
    }

    FactsBuilder bluecheck(boolean has) {
        bluecheck = has;
        return this;
    }

    FactsBuilder activeReferrals(int count) {
        activeReferralCount = count;
        return this;
    }

    /**
     * The primary wallet changed {@code ago}; its cooling-off ends {@code coolingOffLeft} from now (negative: ended).
     */
    FactsBuilder walletChanged(Duration ago, Duration coolingOffLeft) {
        walletSince = NOW.minus(ago);
        coolingOffUntil = Optional.of(NOW.plus(coolingOffLeft));
        return this;
    }

    FactsBuilder block(String flag, String scope, String reason) {
        blocks.add(new Facts.Block(flag, scope, reason, Optional.of(NOW.minus(Duration.ofHours(3)))));
        return this;
    }

    /** An order of 150,000.00 IDR for a course, registered {@code age} ago (and paid a minute later when paid). */
    FactsBuilder order(String orderId, String status, boolean entitled, Duration age, boolean stuck) {
        Instant created = NOW.minus(age);
        boolean paid = status.equals("PAID") || status.equals("PARTIALLY_REFUNDED") || status.equals("REFUNDED");
        Optional<Instant> paidAt = paid ? Optional.of(created.plus(Duration.ofMinutes(1))) : Optional.empty();
        orders.add(new Facts.OrderFact(orderId, "course-defi-101", new Money("IDR", 15_000_000L), status, created,
                paidAt.orElse(created), paidAt, entitled, status.equals("REFUNDED") ? 15_000_000L : 0L, stuck));
        return this;
    }

    FactsBuilder claim(String type) {
        claims.add(new Facts.ClaimFact("ev-" + claims.size(), type, Optional.of(new Money("USDC", 5_000_000L)),
                Optional.empty(), NOW.minus(Duration.ofDays(2))));
        return this;
    }

    FactsBuilder finding(String check) {
        findings.add(new Facts.FindingFact("f-" + findings.size(), check, "MEDIUM", "OPEN", "user:" + userId));
        return this;
    }

    FactsBuilder ticket(String status) {
        tickets.add(new Facts.TicketFact("t-" + tickets.size(), "QUESTION", status, "help", NOW.minus(Duration.ofDays(1))));
        return this;
    }

    PayoutBuilder payout(String payoutId, String kind, String status) {
        return new PayoutBuilder(payoutId, kind, status);
    }

    Facts build() {
        Facts.User user = new Facts.User(userId, known,
                known ? Optional.of("evm:1") : Optional.empty(), known ? Optional.of(WALLET) : Optional.empty(),
                known ? Optional.of(walletSince) : Optional.empty(), known ? coolingOffUntil : Optional.empty(),
                bluecheck, kycStatus, kycReason, activeReferralCount);
        return new Facts(NOW, user, blocks, orders, payouts, claims, findings, tickets);
    }

    /** A payout of 12.50 USDC to the primary wallet, requested a day ago, in its status for 10 minutes. */
    final class PayoutBuilder {
        private final String payoutId;
        private final String kind;
        private final String status;
        private Money amount = new Money("USDC", 12_500_000L);
        private Optional<String> railStatus = Optional.empty();
        private Optional<String> reason = Optional.empty();
        private Optional<String> txHash = Optional.empty();
        private String destination = WALLET;
        private boolean paidToPrimary = true;
        private Instant createdAt = NOW.minus(Duration.ofDays(1));
        private Duration inStatusFor = Duration.ofMinutes(10);
        private boolean stuck;

        private PayoutBuilder(String payoutId, String kind, String status) {
            this.payoutId = payoutId;
            this.kind = kind;
            this.status = status;
        }

        PayoutBuilder amount(Money value) {
            amount = value;
            return this;
        }

        PayoutBuilder rail(String value) {
            railStatus = Optional.of(value);
            return this;
        }

        PayoutBuilder reason(String value) {
            reason = Optional.of(value);
            return this;
        }

        PayoutBuilder txHash(String value) {
            txHash = Optional.of(value);
            return this;
        }

        PayoutBuilder requestedAgo(Duration ago) {
            createdAt = NOW.minus(ago);
            return this;
        }

        PayoutBuilder inStatusFor(Duration age) {
            inStatusFor = age;
            return this;
        }

        PayoutBuilder stuck() {
            stuck = true;
            return this;
        }

        PayoutBuilder to(String address) {
            destination = address;
            paidToPrimary = address.equals(WALLET);
            return this;
        }

        FactsBuilder add() {
            Instant updated = NOW.minus(inStatusFor);
            payouts.add(new Facts.PayoutFact(payoutId, kind, amount, status, railStatus, reason, txHash, destination,
                    paidToPrimary, createdAt.isAfter(updated) ? updated : createdAt, updated, stuck));
            return FactsBuilder.this;
        }
    }
}
