package com.warroom.payouts.worker;

import com.warroom.aws.TransactionRace;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagDecision;
import com.warroom.flags.FlagGate;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.lambda.Jitter;
import com.warroom.observability.OpsMetrics;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.SloEvents;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.WalletSeal;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.RailTransaction;
import com.warroom.payouts.rail.RailTransfer;
import com.warroom.payouts.rail.RailUnavailable;
import com.warroom.payouts.rail.SubmitOutcome;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Moves one payout on, as far as its state allows: the only code that calls the rail. Every try is claimed first
 * (REQUESTED → SUBMITTING, a conditional write with a lease), and a try that may follow one that reached the rail (any
 * try but a payout's very first, and every resumed SUBMITTING) asks the rail for the payout's external id before it
 * submits — so a worker that dies at any point, or a rail answer that is lost, never leads to a second transfer. The
 * rail refuses a second transfer with the same external id as well; that is the second lock, not the first.
 *
 * <p>Before each submit the worker checks the payout's seal, its user's wallet seal, that the destination is still the
 * primary wallet and not cooling off, that the ledger holds the amount for this submission, and the kill switches.
 */
public final class PayoutWorker {

    /** What the worker reads, writes and calls. */
    public record Parts(PayoutStore payouts, UserStore users, PayoutSeal payoutSeal, WalletSeal walletSeal, Ledger ledger,
                        FlagGate flags, TreasuryAddresses treasury, PayoutRail rail, PayoutWork work) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PayoutWorker.class);
    private static final int COMMIT_TRIES = 20;
    private static final long COMMIT_BACKOFF_CAP_MILLIS = 200;

    private final Parts parts;
    private final PayoutPolicy policy;
    private final Duration lease;
    private final Clock clock;
    private final WorkerStep.Checkpoints checkpoints;

    /** @param lease how long a claim keeps other workers off a payout: longer than one try can take */
    // the payout SLA's good and valid events (README: SLOs and the weekly report)
    private static final SloEvents SLO_EVENTS = new SloEvents(SloCatalog.load());

    public PayoutWorker(Parts parts, PayoutPolicy policy, Duration lease, Clock clock, WorkerStep.Checkpoints checkpoints) {
        this.parts = parts;
        this.policy = policy;
        this.lease = lease;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /**
     * Does what the payout's state asks for now.
     *
     * @throws RetryLater when another worker holds the payout or a seal could not be checked
     */
    public void advance(String payoutId) {
        Optional<Payout> found = parts.payouts().find(payoutId);
        if (found.isEmpty()) {
            LOG.warn("payout {} is not in the payouts table: nothing to do", payoutId);
            return;
        }
        Payout payout = found.get();
        Optional<PayoutStatus> state = payout.state();
        if (state.isEmpty()) {
            quarantine(payout, "its status '" + payout.progress().status() + "' is not one Warroom writes", PayoutSeal.TAMPERED_METRIC);
            return;
        }
        Instant now = now();
        switch (state.get()) {
            case QUARANTINED -> { }
            case CONFIRMED -> {
                if (payout.override().isPresent()) {
                    watchAfterEnd(payout);
                }
            }
            case FAILED, CANCELLED -> watchAfterEnd(payout);
            case HELD -> {
                if (payout.progress().nextAttemptAt().map(now::isBefore).orElse(false)) {
                    return;
                }
                attempt(payout, false);
            }
            case REQUESTED -> attempt(payout, false);
            case RETRY_SCHEDULED -> {
                if (payout.progress().nextAttemptAt().map(now::isBefore).orElse(false)) {
                    return;
                }
                attempt(payout, false);
            }
            case SUBMITTING -> {
                if (payout.progress().leaseUntil().map(now::isBefore).orElse(false)) {
                    throw new RetryLater("payout " + payoutId + " is being tried by another worker until "
                            + payout.progress().leaseUntil().get());
                }
                attempt(payout, true);
            }
            case SUBMITTED -> check(payout);
        }
        checkpoints.reached(WorkerStep.SETTLED);
    }

    // ---- a try

    private void attempt(Payout payout, boolean resumed) {
        Optional<String> refusal = safetyCheck(payout);
        if (refusal.isPresent()) {
            return;
        }
        Optional<FlagDecision.BlockedBy> blocked = blockedBy(payout);
        if (blocked.isPresent()) {
            pause(payout, blocked.get());
            return;
        }
        Payout claimed = payout.moved(progress(payout, PayoutStatus.SUBMITTING)
                .attempts(payout.progress().attempts() + 1).leaseUntil(now().plus(lease)).reason(null).build(), now());
        if (!parts.payouts().update(payout, claimed)) {
            LOG.info("payout {} moved on under this worker: its own message moves it", payout.payoutId());
            return;
        }
        checkpoints.reached(WorkerStep.CLAIMED);
        if (claimed.progress().submission() > 1 && !earlierSubmissionsEnded(claimed)) {
            return;
        }
        boolean mayHaveReachedRail = resumed || payout.progress().attempts() > 0;
        if (mayHaveReachedRail) {
            Optional<RailTransaction> known;
            try {
                known = parts.rail().find(claimed.externalId());
            } catch (RailUnavailable e) {
                scheduleRetry(claimed, "the rail could not be asked about an earlier try: " + e.getMessage());
                return;
            }
            checkpoints.reached(WorkerStep.RAIL_ANSWERED);
            if (known.isPresent()) {
                applyRail(claimed, known.get());
                return;
            }
        }
        submit(claimed);
    }

    /**
     * A new submission is only started after the last one failed for good; but an earlier one that the worker gave up on
     * without an answer may still be at the rail. Before a later submission goes out, each earlier external id must be
     * unknown to the rail or ended there in failure.
     */
    private boolean earlierSubmissionsEnded(Payout claimed) {
        for (int earlier = 1; earlier < claimed.progress().submission(); earlier++) {
            String externalId = Payout.externalId(claimed.payoutId(), earlier);
            Optional<RailTransaction> known;
            try {
                known = parts.rail().find(externalId);
            } catch (RailUnavailable e) {
                scheduleRetry(claimed, "the rail could not be asked about submission " + earlier + ": " + e.getMessage());
                return false;
            }
            if (known.isPresent() && !known.get().status().finalFailure()) {
                quarantine(claimed, "submission " + earlier + " (" + externalId + ") is " + known.get().status()
                        + " at the rail: a new submission could pay twice", PayoutMetrics.QUARANTINED);
                return false;
            }
        }
        return true;
    }

    private void submit(Payout claimed) {
        String asset = claimed.request().amount().currency();
        Optional<String> source = parts.treasury().address(claimed.destination().chain(), asset);
        if (source.isEmpty()) {
            fail(claimed, "no treasury wallet for " + asset + " on " + claimed.destination().chain() + " in the config in force");
            return;
        }
        RailTransfer transfer = new RailTransfer(claimed.externalId(), claimed.destination().chain(), claimed.request().amount(),
                source.get(), claimed.destination().address(), claimed.request().kind() + " " + claimed.request().reference());
        SubmitOutcome outcome = parts.rail().submit(transfer);
        checkpoints.reached(WorkerStep.RAIL_ANSWERED);
        switch (outcome) {
            case SubmitOutcome.Accepted accepted -> {
                OpsMetrics.count(PayoutMetrics.SUBMITTED);
                applyRail(claimed, accepted.transaction());
            }
            case SubmitOutcome.Duplicate duplicate -> {
                try {
                    Optional<RailTransaction> known = parts.rail().find(claimed.externalId());
                    if (known.isPresent()) {
                        applyRail(claimed, known.get());
                    } else {
                        scheduleRetry(claimed, "the rail refused a duplicate of " + claimed.externalId() + " but does not show it yet");
                    }
                } catch (RailUnavailable e) {
                    scheduleRetry(claimed, "the rail refused a duplicate and could not be asked for it: " + e.getMessage());
                }
            }
            case SubmitOutcome.Uncertain uncertain -> scheduleRetry(claimed, "the rail did not answer: " + uncertain.reason());
            case SubmitOutcome.Refused refused -> fail(claimed, "the rail refused the transfer: " + refused.reason());
        }
    }

    /** A SUBMITTED payout: what the rail says of it now. */
    private void check(Payout payout) {
        Optional<RailTransaction> known;
        try {
            known = parts.rail().find(payout.externalId());
        } catch (RailUnavailable e) {
            throw new RetryLater("the rail could not be asked about payout " + payout.payoutId() + ": " + e.getMessage());
        }
        checkpoints.reached(WorkerStep.RAIL_ANSWERED);
        if (known.isEmpty()) {
            // submitted and then unknown to the rail: only a rail that lost it, or another rail, says this; a person decides
            quarantine(payout, "the rail has no transfer " + payout.externalId() + " although it accepted one", PayoutMetrics.QUARANTINED);
            return;
        }
        applyRail(payout, known.get());
    }

    /**
     * A payout that ended without the rail's word (cancelled or confirmed by an override, or failed) that the rail still
     * reports on: a transfer it completes now is money out without its ledger entry, or a second payment.
     */
    private void watchAfterEnd(Payout payout) {
        if (payout.progress().railReference().isEmpty() && payout.state().orElseThrow() == PayoutStatus.FAILED) {
            return;
        }
        try {
            parts.rail().find(payout.externalId()).filter(tx -> tx.status().finalSuccess()).ifPresent(tx -> {
                LOG.error("payout {} is {} but the rail completed transfer {} ({}): money left without its ledger entry, or twice",
                        payout.payoutId(), payout.progress().status(), tx.railId(), tx.txHash().orElse("no hash"));
                OpsMetrics.count(PayoutMetrics.PAID_AFTER_CANCEL);
            });
        } catch (RailUnavailable e) {
            LOG.warn("the rail could not be asked about ended payout {}: {}", payout.payoutId(), e.getMessage());
        }
    }

    // ---- what the rail said

    private void applyRail(Payout current, RailTransaction tx) {
        if (tx.status().finalSuccess()) {
            confirm(current, tx);
        } else if (tx.status().finalFailure()) {
            Payout failed = current.moved(progress(current, PayoutStatus.FAILED).rail(tx).leaseUntil(null)
                    .reason("the rail ended the transfer " + tx.status()).build(), now());
            release(current, failed);
        } else {
            Payout submitted = current.moved(progress(current, PayoutStatus.SUBMITTED).rail(tx).leaseUntil(null).reason(null).build(), now());
            if (current.state().orElseThrow() == PayoutStatus.SUBMITTED
                    && current.progress().railStatus().equals(submitted.progress().railStatus())) {
                return;
            }
            parts.payouts().update(current, submitted);
        }
    }

    private void confirm(Payout current, RailTransaction tx) {
        Payout confirmed = current.moved(progress(current, PayoutStatus.CONFIRMED).rail(tx).leaseUntil(null).reason(null)
                .nextAttemptAt(null).build(), now());
        checkpoints.reached(WorkerStep.CONFIRMING);
        if (commitWithEntry(current, confirmed, PayoutJournal.paid(current, now()))) {
            OpsMetrics.count(PayoutMetrics.CONFIRMED);
            SLO_EVENTS.payoutEnded(current.times().createdAt(), Optional.of(now()));
            SLO_EVENTS.transactionEnded(current.times().createdAt(), now());
            LOG.info("payout {} confirmed: rail transfer {} {}", current.payoutId(), tx.railId(), tx.txHash().orElse(""));
        }
    }

    private void scheduleRetry(Payout claimed, String reason) {
        int attempts = claimed.progress().attempts();
        if (attempts >= policy.maxAttempts()) {
            giveUp(claimed, reason);
            return;
        }
        Duration wait = Duration.ofMillis(Jitter.upTo(Math.max(1, policy.retryCeiling(attempts).toMillis())));
        Instant at = now().plus(wait);
        Payout scheduled = claimed.moved(progress(claimed, PayoutStatus.RETRY_SCHEDULED).leaseUntil(null).nextAttemptAt(at)
                .reason("try " + attempts + " of " + policy.maxAttempts() + ": " + reason).build(), now());
        if (parts.payouts().update(claimed, scheduled)) {
            OpsMetrics.count(PayoutMetrics.RETRY_SCHEDULED);
            parts.work().nudgeAfter(claimed.payoutId(), Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }

    /**
     * The last try failed too. The hold goes back only when the rail says it has no transfer of this submission (or
     * ended it); when it cannot say, an earlier try may still be paid, so the payout waits, hold kept, and is asked again.
     */
    private void giveUp(Payout claimed, String reason) {
        Optional<RailTransaction> known;
        try {
            known = parts.rail().find(claimed.externalId());
        } catch (RailUnavailable e) {
            Instant at = now().plus(policy.longestRetry());
            Payout waiting = claimed.moved(progress(claimed, PayoutStatus.RETRY_SCHEDULED).leaseUntil(null).nextAttemptAt(at)
                    .reason("gave up after " + claimed.progress().attempts() + " tries (" + reason + "), but the rail cannot say"
                            + " whether an earlier try reached it: the hold is kept and it is asked again").build(), now());
            if (parts.payouts().update(claimed, waiting)) {
                parts.work().nudgeAfter(claimed.payoutId(), policy.longestRetry().toSeconds());
            }
            return;
        }
        if (known.isPresent()) {
            applyRail(claimed, known.get());
            return;
        }
        fail(claimed, "gave up after " + claimed.progress().attempts() + " tries: " + reason);
    }

    private void fail(Payout current, String reason) {
        Payout failed = current.moved(progress(current, PayoutStatus.FAILED).leaseUntil(null).nextAttemptAt(null).reason(reason).build(), now());
        release(current, failed);
    }

    private void release(Payout current, Payout ended) {
        if (commitWithEntry(current, ended, PayoutJournal.release(current, now()))) {
            OpsMetrics.count(PayoutMetrics.FAILED);
            if (ended.state().equals(Optional.of(PayoutStatus.FAILED))) {
                SLO_EVENTS.payoutEnded(current.times().createdAt(), Optional.empty());
                SLO_EVENTS.transactionEnded(current.times().createdAt(), now());
            }
            LOG.warn("payout {} failed, hold released: {}", current.payoutId(), ended.progress().reason().orElse(""));
        }
    }

    // ---- checks before a try

    /** Seals, wallet and hold; empty when the payout may be tried, else why not (the payout has been moved accordingly). */
    private Optional<String> safetyCheck(Payout payout) {
        switch (parts.payoutSeal().verify(payout)) {
            case Verification.Valid valid -> { }
            case Verification.Invalid invalid -> {
                return quarantine(payout, "the payout does not match its seal (destination, amount, user or kind edited)",
                        PayoutSeal.TAMPERED_METRIC);
            }
            case Verification.Unavailable unavailable -> throw new RetryLater("the payout's seal could not be checked: " + unavailable.reason());
        }
        Optional<UserProfile> user = parts.users().find(payout.request().userId());
        if (user.isEmpty()) {
            return quarantine(payout, "its user " + payout.request().userId() + " is no longer in the users table", PayoutSeal.TAMPERED_METRIC);
        }
        switch (parts.walletSeal().verify(user.get())) {
            case Verification.Valid valid -> { }
            case Verification.Invalid invalid -> {
                return quarantine(payout, "the user's primary wallet does not match its seal", PayoutSeal.TAMPERED_METRIC);
            }
            case Verification.Unavailable unavailable -> throw new RetryLater("the wallet's seal could not be checked: " + unavailable.reason());
        }
        if (!payout.destination().sameAs(user.get().primaryWallet())) {
            fail(payout, "the destination is no longer the user's primary wallet (it changed after the request); nothing was sent");
            return Optional.of("destination changed");
        }
        if (user.get().coolingOffAt(now())) {
            Instant until = user.get().coolingOffUntil().orElseThrow();
            if (payout.state().orElseThrow() != PayoutStatus.HELD || !payout.progress().nextAttemptAt().equals(Optional.of(until))) {
                parts.payouts().update(payout, payout.moved(progress(payout, PayoutStatus.HELD).nextAttemptAt(until).leaseUntil(null)
                        .reason("held for review: the primary wallet changed on " + SortableTime.format(user.get().walletSince())
                                + ", cooling off until " + SortableTime.format(until)).build(), now()));
            }
            return Optional.of("cooling off");
        }
        int submission = payout.progress().submission();
        Set<String> posted = parts.ledger().posted(List.of(PayoutJournal.holdId(payout.payoutId(), submission),
                PayoutJournal.releaseId(payout.payoutId(), submission), PayoutJournal.paidId(payout.payoutId())));
        if (!posted.contains(PayoutJournal.holdId(payout.payoutId(), submission)) || posted.size() > 1) {
            return quarantine(payout, "the ledger does not hold its amount for submission " + submission + " (posted: " + posted + ")",
                    PayoutMetrics.QUARANTINED);
        }
        return Optional.empty();
    }

    private Optional<FlagDecision.BlockedBy> blockedBy(Payout payout) {
        PayoutKind kind = PayoutKind.parse(payout.request().kind()).orElse(PayoutKind.WITHDRAWAL);
        for (Flag flag : kind.flags()) {
            FlagDecision decision = parts.flags().check(flag, payout.request().roundId(), Optional.of(payout.request().userId()));
            if (!decision.allowed()) {
                return Optional.of(decision.blockedBy());
            }
        }
        return Optional.empty();
    }

    /** Left as it is, with the switch that stops it; the stuck-tx-sweeper brings it back every 5 minutes until the switch is on. */
    private void pause(Payout payout, FlagDecision.BlockedBy blocked) {
        String reason = "paused: " + blocked.flag() + " is disabled (" + blocked.scope() + "): " + blocked.reason();
        OpsMetrics.count(PayoutMetrics.PAUSED);
        if (!payout.progress().reason().equals(Optional.of(reason))) {
            parts.payouts().update(payout, payout.moved(progress(payout, payout.state().orElseThrow()).reason(reason).build(), now()));
        }
    }

    private Optional<String> quarantine(Payout payout, String reason, String metric) {
        OpsMetrics.count(metric);
        LOG.error("payout {} quarantined, nothing submitted, hold kept: {}", payout.payoutId(), reason);
        parts.payouts().update(payout, payout.moved(progress(payout, PayoutStatus.QUARANTINED).leaseUntil(null)
                .reason("quarantined: " + reason).build(), now()));
        return Optional.of(reason);
    }

    // ---- writes

    /**
     * Commits {@code next} with {@code entry}'s ledger writes in one transaction, preparing the entry again when a posting
     * elsewhere moved its balances; false when the payout itself moved on (whoever moved it owns what follows).
     */
    private boolean commitWithEntry(Payout current, Payout next, JournalEntry entry) {
        for (int attempt = 1; attempt <= COMMIT_TRIES; attempt++) {
            List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
            writes.add(parts.payouts().replace(current, next));
            switch (parts.ledger().prepare(entry)) {
                case LedgerWrite.Writes ledgerWrites -> writes.addAll(ledgerWrites.writes());
                case LedgerWrite.AlreadyPosted posted -> { }
                case LedgerWrite.Overdrawn overdrawn -> {
                    // a worker that settled this payout first has moved the hold on: this is its race, not a broken ledger
                    if (movedOn(current)) {
                        return false;
                    }
                    quarantine(current, "its ledger entry " + entry.id() + " would take " + overdrawn.account() + " below zero",
                            PayoutMetrics.QUARANTINED);
                    return false;
                }
            }
            try {
                parts.payouts().commit(writes);
                return true;
            } catch (TransactionCanceledException e) {
                if (!TransactionRace.lost(e)) {
                    throw e;
                }
                if (movedOn(current)) {
                    return false;
                }
                TransactionRace.backOff(attempt, COMMIT_BACKOFF_CAP_MILLIS);
            }
        }
        throw new RetryLater("payout " + current.payoutId() + ": the ledger kept moving under " + COMMIT_TRIES + " tries");
    }

    private boolean movedOn(Payout current) {
        return parts.payouts().find(current.payoutId()).map(Payout::version).orElse(-1L) != current.version();
    }

    /** Reads only, for SnapStart: a payout that does not exist, and the config in force with its treasury wallets. */
    public void prime() {
        parts.payouts().find("warroom-priming");
        parts.treasury().address("evm:1", "USDC");
    }

    private Instant now() {
        return SortableTime.now(clock);
    }

    private static ProgressBuilder progress(Payout payout, PayoutStatus status) {
        return new ProgressBuilder(payout.progress()).status(status);
    }
}
