package com.warroom.payouts;

import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Posting;
import com.warroom.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * The ledger entries of a payout. Accepting it holds the amount (treasury → pending), so the same balance cannot be
 * paid out twice; the rail's final success pays it (pending → paid); a failure or a cancel releases it (pending →
 * treasury). Ids are deterministic: a hold and a release per submission, one payment ever.
 */
public final class PayoutJournal {

    private PayoutJournal() {
    }

    /** {@code treasury:<chain>:<asset>}: where payouts of that chain and asset are paid from. */
    public static AccountId treasury(String chain, String asset) {
        return new AccountId("treasury:" + chain + ":" + asset);
    }

    public static AccountId pending(String chain, String asset) {
        return new AccountId("payout_pending:" + chain + ":" + asset);
    }

    public static AccountId paid(String chain, String asset) {
        return new AccountId("payout_paid:" + chain + ":" + asset);
    }

    public static final AccountId OPENING = new AccountId("equity:opening");

    public static String holdId(String payoutId, int submission) {
        return "payout-hold:" + payoutId + ":" + submission;
    }

    public static String releaseId(String payoutId, int submission) {
        return "payout-release:" + payoutId + ":" + submission;
    }

    public static String paidId(String payoutId) {
        return "payout-paid:" + payoutId;
    }

    public static String openingId(String chain, String asset) {
        return "opening:" + treasury(chain, asset).value();
    }

    /** Holds the payout's amount for its current submission. */
    public static JournalEntry hold(Payout payout, Instant at) {
        return move(holdId(payout.payoutId(), payout.progress().submission()), payout, at,
                treasury(chainOf(payout), assetOf(payout)), pending(chainOf(payout), assetOf(payout)));
    }

    /** Gives the current submission's hold back to the treasury. */
    public static JournalEntry release(Payout payout, Instant at) {
        return move(releaseId(payout.payoutId(), payout.progress().submission()), payout, at,
                pending(chainOf(payout), assetOf(payout)), treasury(chainOf(payout), assetOf(payout)));
    }

    /** Turns the hold into money out. */
    public static JournalEntry paid(Payout payout, Instant at) {
        return move(paidId(payout.payoutId()), payout, at,
                pending(chainOf(payout), assetOf(payout)), paid(chainOf(payout), assetOf(payout)));
    }

    /** A treasury account's opening balance, from equity. */
    public static JournalEntry opening(String chain, Money amount, Instant at) {
        AccountId treasury = treasury(chain, amount.currency());
        return new JournalEntry(openingId(chain, amount.currency()), at, "opening-balance:" + treasury.value(),
                List.of(new Posting(OPENING, new Money(amount.currency(), -amount.minor())), new Posting(treasury, amount)));
    }

    private static JournalEntry move(String id, Payout payout, Instant at, AccountId from, AccountId to) {
        Money amount = payout.request().amount();
        return new JournalEntry(id, at, "payout:" + payout.payoutId(),
                List.of(new Posting(from, new Money(amount.currency(), -amount.minor())), new Posting(to, amount)));
    }

    private static String chainOf(Payout payout) {
        return payout.destination().chain();
    }

    private static String assetOf(Payout payout) {
        return payout.request().amount().currency();
    }
}
