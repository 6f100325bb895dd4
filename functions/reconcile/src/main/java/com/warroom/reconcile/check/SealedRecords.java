package com.warroom.reconcile.check;

import com.warroom.flags.FlagStore;
import com.warroom.ledger.LedgerItems;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewOverrideSeal;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.WalletSeal;
import com.warroom.seal.Sealer;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every sealed record still matching its MAC, through the seal classes that made it: each ledger balance, each payout
 * ({@link PayoutSeal}), each user's primary wallet ({@link WalletSeal}), each payment review no longer OPEN (its
 * two-person override, {@link ReviewOverrideSeal}: a review closed by hand would silently drop its finding) as the scan
 * goes (one VerifyMac per item, in the segment that reads it), and the flag states ({@link FlagStore#load()}) when compared. A broken seal means a
 * record was written around the functions allowed to write it: HIGH, escalate. When KMS cannot answer, the segment
 * fails (and is retried): an unchecked seal is never reported as a sound one.
 */
final class SealedRecords extends TallyCheck {

    static final String NAME = "sealed-records";
    private static final String BROKEN = "broken";

    private final Sealer sealer;
    private final FlagStore flags;

    SealedRecords(Sealer sealer, FlagStore flags) {
        this.sealer = sealer;
        this.flags = flags;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.LEDGER_BALANCES, Topology.PAYOUTS, Topology.USERS, Topology.PAYMENT_REVIEWS);
    }

    @Override
    void fold(TableDef table, Map<String, AttributeValue> item, Tally into) {
        if (table.equals(Topology.LEDGER_BALANCES)) {
            LedgerItems.balance(item).ifPresent(balance -> {
                if (!holds(LedgerItems.verifyBalance(item, sealer))) {
                    into.add("ledger balance " + balance.account() + " " + balance.currency(), BROKEN, 1);
                }
            });
        } else if (table.equals(Topology.PAYOUTS)) {
            Payout payout = Payout.SCHEMA.mapToItem(item);
            if (payout.payoutId() != null && !holds(new PayoutSeal(sealer).verify(payout))) {
                into.add("payout " + payout.payoutId(), BROKEN, 1);
            }
        } else if (table.equals(Topology.USERS)) {
            UserProfile user = UserProfile.SCHEMA.mapToItem(item);
            if (user.userId() != null && !holds(new WalletSeal(sealer).verify(user))) {
                into.add("primary wallet of user " + user.userId(), BROKEN, 1);
            }
        } else if (table.equals(Topology.PAYMENT_REVIEWS)) {
            PaymentReview review = PaymentReview.SCHEMA.mapToItem(item);
            if (review.id() != null && !PaymentReview.OPEN.equals(review.state())
                    && !holds(new ReviewOverrideSeal(sealer).verify(review))) {
                into.add("payment review " + review.id() + " (" + review.state() + ")", BROKEN, 1);
            }
        }
    }

    private static boolean holds(Verification verification) {
        return switch (verification) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> false;
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }

    @Override
    List<FindingDraft> compare(Tally merged, RunContext run) {
        List<FindingDraft> findings = new ArrayList<>();
        if (flags.load() instanceof FlagStore.Load.Tampered tampered) {
            findings.add(broken("flag states", tampered.why()));
        }
        for (String subject : merged.subjects("")) {
            findings.add(broken(subject, "does not match its seal"));
        }
        return findings;
    }

    private FindingDraft broken(String subject, String why) {
        return new FindingDraft(NAME, subject, "matches the seal it was written with", why, "seal broken", Risk.HIGH,
                Action.ESCALATE, runbook());
    }
}
