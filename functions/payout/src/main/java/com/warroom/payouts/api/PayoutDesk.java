package com.warroom.payouts.api;

import com.warroom.payouts.PayoutProblems;
import com.warroom.aws.TransactionRace;
import com.warroom.config.Chain;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfig;
import com.warroom.config.TreasuryWallet;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagDecision;
import com.warroom.flags.FlagGate;
import com.warroom.http.Problem;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerContention;
import com.warroom.ledger.LedgerTampered;
import com.warroom.ledger.LedgerWrite;
import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutView;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accepts payouts. Checks, in this order, each refusal naming its rule: the user is registered and its wallet matches
 * its seal; a destination, when named, is the primary wallet; the wallet's chain is supported and the asset has a
 * treasury on it; the amount is one the asset allows; the kill switches of the kind allow it for the user (and the
 * round); a referral claim's user is eligible. Then one {@code TransactWriteItems} puts the sealed payout (only if its id
 * is new) with its ledger hold (treasury → pending), so that the same balance cannot be paid out twice; a lost race is
 * prepared again from fresh reads. Only then is the worker nudged.
 */
final class PayoutDesk {

    static final int MAX_ATTEMPTS = 20;
    static final String COOLING_OFF_REASON = "wallet-cooling-off";
    private static final long MAX_BACKOFF_MILLIS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(PayoutDesk.class);

    private final PayoutStore payouts;
    private final UserStore users;
    private final ConfigStore config;
    private final Ledger ledger;
    private final WalletCheck wallets;
    private final PayoutSeal seal;
    private final FlagGate flags;
    private final PayoutWork work;
    private final Clock clock;

    /** The tables a payout is judged by and written to. */
    record Books(PayoutStore payouts, UserStore users, ConfigStore config, Ledger ledger) {
    }

    /** The seals and switches that guard money out. */
    record Guards(WalletCheck wallets, PayoutSeal seal, FlagGate flags) {
    }

    PayoutDesk(Books books, Guards guards, PayoutWork work, Clock clock) {
        this.payouts = books.payouts();
        this.users = books.users();
        this.config = books.config();
        this.ledger = books.ledger();
        this.wallets = guards.wallets();
        this.seal = guards.seal();
        this.flags = guards.flags();
        this.work = work;
        this.clock = clock;
    }

    PayoutOutcome request(PayoutRequest request) {
        // a retry whose idempotency record is gone, or another caller reusing the id: the payout decides
        Optional<Payout> existing = payouts.find(request.payoutId());
        if (existing.isPresent()) {
            return existingOrConflict(request, existing.get());
        }
        return switch (judge(request)) {
            case Judged.Refused refused -> refused.outcome();
            case Judged.Allowed allowed -> accept(request, allowed);
        };
    }

    /** What the checks before the write found. */
    private sealed interface Judged {
        record Refused(PayoutOutcome.Refused outcome) implements Judged {
        }

        record Allowed(UserProfile user, Money amount) implements Judged {
        }
    }

    private Judged judge(PayoutRequest request) {
        PayoutRequest.Asked asked = request.asked();
        Optional<UserProfile> found = users.find(asked.userId());
        if (found.isEmpty()) {
            return refused(PayoutProblems.unprocessable("userId", "no user " + asked.userId()
                    + " is registered: the platform registers its users with PUT /v1/platform/users/{userId}"));
        }
        UserProfile user = found.get();
        if (!wallets.intact(user, "payout " + request.payoutId() + " refused")) {
            return refused(PayoutProblems.walletSealBroken(user.userId()));
        }
        Wallet wallet = user.primaryWallet();
        if (request.destination().isPresent() && !request.destination().get().sameAs(wallet)) {
            return refused(PayoutProblems.unprocessable("destination", "must be the user's primary wallet (" + wallet.chain() + " "
                    + wallet.address() + ") or be left out: payouts go only to the primary wallet"));
        }
        Optional<String> noTreasury = whyNoTreasury(wallet, asked.asset());
        if (noTreasury.isPresent()) {
            return refused(PayoutProblems.unprocessable("asset", noTreasury.get()));
        }
        Money amount;
        switch (request.amount()) {
            case DecimalAmount.Parsed.Valid valid -> amount = valid.money();
            case DecimalAmount.Parsed.Invalid invalid -> {
                return refused(PayoutProblems.invalidAmount(invalid.reason()));
            }
        }
        for (Flag flag : asked.kind().flags()) {
            FlagDecision decision = flags.check(flag, asked.roundId(), Optional.of(asked.userId()));
            if (!decision.allowed()) {
                return refused(PayoutProblems.flowDisabled(asked.kind().name(), decision.blockedBy()));
            }
        }
        if (asked.kind() == PayoutKind.REFERRAL_CLAIM) {
            UserProfile.Standing standing = user.standing();
            if (!standing.bluecheck()) {
                return refused(PayoutProblems.notEligible("referral.bluecheck", "a referral claim needs the user's blue check; user "
                        + user.userId() + " has none"));
            }
            if (standing.activeReferralCount() < 1) {
                return refused(PayoutProblems.notEligible("referral.active-referrals", "a referral claim needs at least one active "
                        + "referral; user " + user.userId() + " has " + standing.activeReferralCount()));
            }
        }
        return new Judged.Allowed(user, amount);
    }

    private Optional<String> whyNoTreasury(Wallet wallet, String asset) {
        Optional<SeedConfig> inForce = config.current();
        if (inForce.isEmpty()) {
            return Optional.of("no config is loaded, so no network or treasury is known: run the config seed");
        }
        Optional<Chain> chain = Chain.parse(wallet.chain()).filter(inForce.get()::supports);
        if (chain.isEmpty()) {
            return Optional.of("the user's primary wallet is on " + wallet.chain() + ", which is not a supported network of the config in force");
        }
        if (inForce.get().treasuryWallet(chain.get(), asset).isEmpty()) {
            List<String> assets = inForce.get().treasury().stream().filter(t -> t.chain().equals(chain.get())).map(TreasuryWallet::asset).toList();
            return Optional.of(asset + " has no treasury on " + chain.get().key() + ", the chain of the user's primary wallet (treasuries on "
                    + chain.get().key() + ": " + assets + ")");
        }
        return Optional.empty();
    }

    private PayoutOutcome accept(PayoutRequest request, Judged.Allowed allowed) {
        Instant now = SortableTime.now(clock);
        Payout payout = seal.sealed(newPayout(request, allowed, now));
        JournalEntry hold = PayoutJournal.hold(payout, now);
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (attempt > 1) {
                    Optional<Payout> existing = payouts.find(request.payoutId());
                    if (existing.isPresent()) {
                        return existingOrConflict(request, existing.get());
                    }
                }
                switch (ledger.prepare(hold)) {
                    case LedgerWrite.AlreadyPosted posted -> {
                        return payouts.find(request.payoutId()).map(stored -> existingOrConflict(request, stored))
                                .orElseGet(() -> new PayoutOutcome.Refused(PayoutProblems.payoutExists(request.payoutId())));
                    }
                    case LedgerWrite.Overdrawn overdrawn -> {
                        LOG.info("payout {} refused: {} would go to {}", request.payoutId(), overdrawn.account(),
                                DecimalAmount.format(overdrawn.balanceAfter()));
                        return new PayoutOutcome.Refused(PayoutProblems.insufficientBalance(overdrawn.account(),
                                overdrawn.balanceAfter()));
                    }
                    case LedgerWrite.Writes writes -> {
                        if (commit(payout, writes)) {
                            accepted(payout);
                            return new PayoutOutcome.Accepted(payout, PayoutView.of(payout, true, now, Optional.of(List.of(hold.id()))));
                        }
                    }
                }
                TransactionRace.backOff(attempt, MAX_BACKOFF_MILLIS);
            }
        } catch (LedgerContention e) {
            return new PayoutOutcome.Busy("the treasury account is busy; nothing was written: retry");
        } catch (LedgerTampered e) {
            LOG.error("payout {} refused: the ledger refuses the hold: {} (README runbook: Ledger tampered)", request.payoutId(), e.getMessage());
            return new PayoutOutcome.Refused(PayoutProblems.ledgerTampered(e.getMessage()));
        }
        return new PayoutOutcome.Busy("the treasury account is busy; nothing was written: retry");
    }

    // false: the payout's id, a balance or a line moved since it was read
    private boolean commit(Payout payout, LedgerWrite.Writes writes) {
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> all = new ArrayList<>();
        all.add(payouts.insert(payout));
        all.addAll(writes.writes());
        try {
            payouts.commit(all);
            return true;
        } catch (TransactionCanceledException e) {
            if (!TransactionRace.lost(e)) {
                throw e;
            }
            return false;
        }
    }

    private void accepted(Payout payout) {
        LOG.info("payout {} accepted: {} {} {} to {} {} for user {} ({})", payout.payoutId(), payout.request().kind(),
                DecimalAmount.format(payout.request().amount()), payout.request().amount().currency(), payout.destination().chain(),
                payout.destination().address(), payout.request().userId(), payout.progress().status());
        if (!payout.progress().status().equals(PayoutStatus.REQUESTED.name())) {
            // a held payout is due when its cooling-off ends: the stuck-tx-sweeper queues it then
            return;
        }
        try {
            work.nudge(payout.payoutId());
        } catch (RuntimeException e) {
            // the payout is written; the stuck-tx-sweeper requeues REQUESTED payouts that nobody moved on
            LOG.warn("payout {}: the worker could not be nudged; the stuck-tx-sweeper will queue it", payout.payoutId(), e);
        }
    }

    private static Payout newPayout(PayoutRequest request, Judged.Allowed allowed, Instant now) {
        UserProfile user = allowed.user();
        Payout.Request asked = request.request(allowed.amount());
        if (!user.coolingOffAt(now)) {
            return Payout.accepted(request.payoutId(), asked, user.primaryWallet(), PayoutStatus.REQUESTED, Optional.empty(), now);
        }
        Instant until = user.coolingOffUntil().orElseThrow();
        String reason = COOLING_OFF_REASON + ": the primary wallet became " + user.primaryWallet().address() + " at "
                + SortableTime.format(user.walletSince()) + "; payouts to it are held until " + SortableTime.format(until);
        Payout held = Payout.accepted(request.payoutId(), asked, user.primaryWallet(), PayoutStatus.HELD, Optional.of(reason), now);
        Payout.Progress progress = held.progress();
        return new Payout(held.payoutId(), held.request(), held.destination(), new Payout.Progress(progress.status(),
                progress.submission(), progress.attempts(), progress.railReference(), progress.railStatus(), progress.txHash(),
                progress.reason(), Optional.of(until), progress.leaseUntil()), held.times(), held.version(), held.override(), null);
    }

    private static PayoutOutcome existingOrConflict(PayoutRequest request, Payout payout) {
        return request.sameAs(payout) ? new PayoutOutcome.Existing(payout)
                : new PayoutOutcome.Refused(PayoutProblems.payoutExists(request.payoutId()));
    }

    private static Judged refused(Problem problem) {
        return new Judged.Refused(new PayoutOutcome.Refused(problem));
    }

    /** Reads only: a payout and a user that do not exist, the config in force, the payout flag. */
    void prime() {
        payouts.find("warroom-priming");
        users.find("warroom-priming");
        config.current();
        flags.check(Flag.PAYOUT, Optional.empty(), Optional.of("warroom-priming"));
    }
}
