package com.warroom.payouts.admin;

import com.warroom.approvals.actions.PayoutOverridePayload;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.LedgerWrite;
import com.warroom.money.Money;
import com.warroom.observability.OpsMetrics;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The ops retry of a payout, with its {@value #AUDIT_ACTION} audit entry in the same transaction, conditional on the
 * payout's status and version, so that of two presses one retries and the other finds it REQUESTED.
 * <ul>
 *   <li>RETRY_SCHEDULED → REQUESTED now (its hold stays).
 *   <li>FAILED → REQUESTED as a new try (attempts 0) with its amount held again. When the rail had the last submission
 *       (a rail reference: the rail failed it for good), or that submission's hold was already released (hold ids are
 *       per submission), the try is a new submission: a new external id at the rail, sealed again. When the rail never
 *       had it and its hold was never placed or is still in place, it stays the same submission, so that the worker asks
 *       the rail for the same external id before it submits.
 * </ul>
 * Then the worker is nudged; a nudge that is lost is made good by the stuck-tx-sweeper, which requeues REQUESTED payouts.
 */
final class PayoutRetry {

    static final String AUDIT_ACTION = "payout.retry";
    /** The highest submission an external id can name ({@code <id>.r9999}: see {@link Payout#payoutIdOf}). */
    static final int MAX_SUBMISSION = 9999;
    // a try whose hold another retry posted between the two reads reads the payout again
    private static final int READS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PayoutRetry.class);

    private final PayoutAdmin admin;

    PayoutRetry(PayoutAdmin admin) {
        this.admin = admin;
    }

    /** A retry asked for by {@code caller}, with an optional note for the audit log. */
    record Command(String payoutId, Optional<String> note, Caller caller, RequestOrigin origin) {
    }

    /** What pressing retry came to. */
    sealed interface Outcome {
        /** The payout is REQUESTED again (and the worker nudged). */
        record Retried(Payout payout) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NotRetryable(String status) implements Outcome {
        }

        record SealBroken() implements Outcome {
        }

        record InsufficientBalance(AccountId account, Money balanceAfter) implements Outcome {
        }

        record LedgerMismatch(String why) implements Outcome {
        }
    }

    Outcome retry(Command command) {
        Outcome outcome = admin.audit().commit(auditSeq -> prepare(command));
        if (outcome instanceof Outcome.Retried retried) {
            nudge(retried.payout().payoutId());
        }
        return outcome;
    }

    private void nudge(String payoutId) {
        try {
            admin.work().nudge(payoutId);
        } catch (RuntimeException e) {
            // the payout is REQUESTED: the stuck-tx-sweeper queues it when it has waited too long
            LOG.error("payout {} was retried but the worker could not be nudged; the stuck-tx-sweeper will queue it", payoutId, e);
        }
    }

    // reads only (and seals): the audit log calls it again when the chain or the payout moved under it
    private AuditedChange.Attempt<Outcome> prepare(Command command) {
        for (int read = 1; read <= READS; read++) {
            Optional<Payout> found = admin.store().find(command.payoutId());
            if (found.isEmpty()) {
                return new AuditedChange.Refuse<>(new Outcome.NotFound());
            }
            Payout current = found.get();
            Optional<PayoutStatus> state = current.state().filter(s -> s == PayoutStatus.FAILED || s == PayoutStatus.RETRY_SCHEDULED);
            if (state.isEmpty()) {
                return new AuditedChange.Refuse<>(new Outcome.NotRetryable(current.progress().status()));
            }
            if (!sealHolds(current)) {
                return new AuditedChange.Refuse<>(new Outcome.SealBroken());
            }
            Instant now = SortableTime.now(admin.clock());
            if (state.get() == PayoutStatus.RETRY_SCHEDULED) {
                Payout.Progress p = current.progress();
                Payout next = current.moved(new Payout.Progress(PayoutStatus.REQUESTED.name(), p.submission(), p.attempts(),
                        p.railReference(), p.railStatus(), p.txHash(), Optional.empty(), Optional.empty(), Optional.empty()), now);
                return write(command, current, next, List.of(), Optional.empty());
            }
            Optional<AuditedChange.Attempt<Outcome>> attempt = newTry(command, current, now);
            if (attempt.isPresent()) {
                return attempt.get();
            }
        }
        return new AuditedChange.Refuse<>(new Outcome.LedgerMismatch("payout " + command.payoutId()
                + " kept reading FAILED while its new hold was already in the ledger"));
    }

    /** The FAILED payout's new try; empty when its hold turned out to be posted already (read the payout again). */
    private Optional<AuditedChange.Attempt<Outcome>> newTry(Command command, Payout current, Instant now) {
        String id = current.payoutId();
        int submission = current.progress().submission();
        String hold = PayoutJournal.holdId(id, submission);
        String release = PayoutJournal.releaseId(id, submission);
        String paid = PayoutJournal.paidId(id);
        Set<String> posted = admin.ledger().posted(List.of(hold, release, paid));
        if (posted.contains(paid)) {
            return Optional.of(new AuditedChange.Refuse<>(new Outcome.LedgerMismatch("payout " + id + " is FAILED but the ledger shows it paid ("
                    + paid + ")")));
        }
        boolean railHadIt = current.progress().railReference().isPresent();
        boolean stillHeld = posted.contains(hold) && !posted.contains(release);
        if (stillHeld && railHadIt) {
            return Optional.of(new AuditedChange.Refuse<>(new Outcome.LedgerMismatch("payout " + id + " is FAILED but " + hold
                    + " was never released")));
        }
        boolean sameSubmission = !railHadIt && !posted.contains(release);
        int nextSubmission = sameSubmission ? submission : submission + 1;
        if (nextSubmission > MAX_SUBMISSION) {
            return Optional.of(new AuditedChange.Refuse<>(new Outcome.NotRetryable(current.progress().status() + " after " + submission
                    + " submissions, the most an external id can name,")));
        }
        Payout next = current.moved(new Payout.Progress(PayoutStatus.REQUESTED.name(), nextSubmission, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), now);
        if (!sameSubmission) {
            // the seal covers the submission: the new external id is sealed as the old one was
            next = admin.seal().sealed(next);
        }
        if (stillHeld) {
            return Optional.of(write(command, current, next, List.of(), Optional.empty()));
        }
        JournalEntry entry = PayoutJournal.hold(next, now);
        return switch (admin.ledger().prepare(entry)) {
            case LedgerWrite.Writes writes -> Optional.of(write(command, current, next, writes.writes(), Optional.of(entry.id())));
            case LedgerWrite.Overdrawn overdrawn -> Optional.of(new AuditedChange.Refuse<>(
                    new Outcome.InsufficientBalance(overdrawn.account(), overdrawn.balanceAfter())));
            case LedgerWrite.AlreadyPosted alreadyPosted -> Optional.empty();
        };
    }

    private AuditedChange.Attempt<Outcome> write(Command command, Payout current, Payout next,
                                                 List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> ledgerWrites,
                                                 Optional<String> holdEntry) {
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>(ledgerWrites);
        writes.add(admin.store().replace(current, next));
        Map<String, Object> after = state(next);
        after.put("holdEntry", holdEntry.orElse(null));
        AuditDraft draft = new AuditDraft(command.caller(), AUDIT_ACTION, PayoutOverridePayload.target(current.payoutId()), Json.write(state(current)),
                Json.write(after), command.note().orElse(null), command.origin());
        return new AuditedChange.Write<>(writes, draft, entry -> new Outcome.Retried(next));
    }

    private static Map<String, Object> state(Payout payout) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("payoutId", payout.payoutId());
        state.put("status", payout.progress().status());
        state.put("submission", payout.progress().submission());
        state.put("attempts", payout.progress().attempts());
        state.put("railReference", payout.progress().railReference().orElse(null));
        state.put("railStatus", payout.progress().railStatus().orElse(null));
        state.put("reason", payout.progress().reason().orElse(null));
        state.put("version", payout.version());
        return state;
    }

    private boolean sealHolds(Payout payout) {
        return switch (admin.seal().verify(payout)) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> {
                OpsMetrics.count(PayoutSeal.TAMPERED_METRIC);
                yield false;
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }
}
