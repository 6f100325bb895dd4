package com.warroom.local.custody;

import com.warroom.local.lambda.FailureLog;
import com.warroom.payouts.rail.RailStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the custody simulator does with transactions: takes a create once per external id (or applies the fault armed for
 * its payout), walks each taken transaction from SUBMITTED to COMPLETED on its own, one status per step, and moves a
 * transaction by hand; every change is kept and called back. One lock over all of it, so that a step and a move by hand
 * never cross.
 */
final class CustodyLedger implements AutoCloseable {

    /** The statuses a transaction goes through when nothing stops it. */
    static final List<RailStatus> PATH = List.of(RailStatus.SUBMITTED, RailStatus.PENDING_AUTHORIZATION, RailStatus.QUEUED,
            RailStatus.PENDING_SIGNATURE, RailStatus.BROADCASTING, RailStatus.CONFIRMING, RailStatus.COMPLETED);
    static final String CREATED = "TRANSACTION_CREATED";
    static final String UPDATED = "TRANSACTION_STATUS_UPDATED";

    /** How a create went. */
    sealed interface Created {
        /** Recorded; {@code answerLate} when the fault timeout-after-accept keeps its answer back. */
        record Taken(CustodyTransaction transaction, boolean answerLate) implements Created {
        }

        record Duplicate() implements Created {
        }

        /** The fault retryable: nothing recorded. */
        record Unavailable() implements Created {
        }

        /** The fault reject: nothing recorded. */
        record Rejected() implements Created {
        }
    }

    /** How a move by hand went. */
    sealed interface Moved {
        /** Moved; {@code callback} completes when its callback has been delivered, or could not be. */
        record Done(CustodyTransaction transaction, CompletableFuture<CallbackDelivery> callback) implements Moved {
        }

        record NoTransaction(String payoutId) implements Moved {
        }

        record AlreadyFinal(CustodyTransaction transaction) implements Moved {
        }
    }

    private final CustodyTransactionStore store;
    private final CustodyFaults faults;
    private final CustodyCallbacks callbacks;
    private final Duration step;
    private final Clock clock;
    private final FailureLog failures;
    private final ScheduledExecutorService progress =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("custody-progress").factory());

    /** Keeps its transactions and armed faults in {@code folder} when given, else in memory. */
    CustodyLedger(Optional<Path> folder, CustodyCallbacks callbacks, Duration completion, FailureLog failures) {
        this.store = new CustodyTransactionStore(folder.map(dir -> dir.resolve("transactions")));
        this.faults = new CustodyFaults(folder.map(dir -> dir.resolve("faults.json")));
        this.callbacks = callbacks;
        this.step = completion.dividedBy(PATH.size() - 1);
        this.clock = Clock.systemUTC();
        this.failures = failures;
    }

    /** Picks up, after a restart, the transactions that were on their way. */
    synchronized void resume() {
        store.all().stream().filter(t -> t.status().inProgress()).forEach(t -> schedule(t.id()));
    }

    synchronized Created create(String externalTxId, CustodyTransaction.Transfer transfer) {
        if (store.byExternalId(externalTxId).isPresent()) {
            return new Created.Duplicate();
        }
        Optional<CustodyFault> fault = faults.take(externalTxId);
        if (fault.equals(Optional.of(CustodyFault.RETRYABLE))) {
            return new Created.Unavailable();
        }
        if (fault.equals(Optional.of(CustodyFault.REJECT))) {
            return new Created.Rejected();
        }
        Instant now = clock.instant();
        CustodyTransaction taken = new CustodyTransaction(UUID.randomUUID().toString(), externalTxId, transfer, RailStatus.SUBMITTED,
                Optional.empty(), fault.equals(Optional.of(CustodyFault.HOLD)), now, now);
        store.put(taken);
        callbacks.send(CREATED, taken);
        schedule(taken.id());
        return new Created.Taken(taken, fault.equals(Optional.of(CustodyFault.TIMEOUT_AFTER_ACCEPT)));
    }

    Optional<Path> transactionsDir() {
        return store.folder();
    }

    Optional<CustodyTransaction> find(String externalTxId) {
        return store.byExternalId(externalTxId);
    }

    List<CustodyTransaction> all() {
        return store.all();
    }

    Optional<CallbackDelivery> lastCallback(String transactionId) {
        return callbacks.last(transactionId);
    }

    void arm(String payoutId, CustodyFault fault, int times) {
        faults.arm(payoutId, fault, times);
    }

    Map<String, CustodyFaults.Armed> armed() {
        return faults.armed();
    }

    /** Moves the payout's latest transaction to {@code status} (final), whatever step it is at. */
    synchronized Moved moveByHand(String payoutId, RailStatus status) {
        Optional<CustodyTransaction> latest = store.latestOf(payoutId);
        if (latest.isEmpty()) {
            return new Moved.NoTransaction(payoutId);
        }
        if (!latest.get().status().inProgress()) {
            return new Moved.AlreadyFinal(latest.get());
        }
        CustodyTransaction moved = latest.get().movedTo(status, clock.instant(), txHash());
        store.put(moved);
        return new Moved.Done(moved, callbacks.send(UPDATED, moved));
    }

    private void schedule(String id) {
        progress.schedule(() -> step(id), step.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void step(String id) {
        try {
            Optional<CustodyTransaction> current = store.byId(id);
            if (current.isEmpty() || !current.get().status().inProgress()) {
                return;
            }
            CustodyTransaction transaction = current.get();
            int at = PATH.indexOf(transaction.status());
            if (at < 0 || transaction.held() && transaction.status() == RailStatus.PENDING_AUTHORIZATION) {
                return;
            }
            CustodyTransaction moved = transaction.movedTo(PATH.get(at + 1), clock.instant(), txHash());
            store.put(moved);
            callbacks.send(UPDATED, moved);
            if (moved.status().inProgress()) {
                schedule(id);
            }
        } catch (RuntimeException e) {
            failures.failed("custody simulator step of transaction " + id, e);
        }
    }

    // made up, in the shape of an EVM transaction hash
    private static String txHash() {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return "0x" + HexFormat.of().formatHex(hash);
    }

    @Override
    public void close() {
        progress.shutdownNow();
    }
}
