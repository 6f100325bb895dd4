package com.warroom.payouts.worker;

import com.warroom.payouts.Payout;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.payouts.rail.RailTransaction;
import com.warroom.payouts.rail.RailTransfer;
import com.warroom.payouts.rail.RailUnavailable;
import com.warroom.payouts.rail.SubmitOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A custodian in memory that keeps the custody contract the worker relies on — one transfer per external id, a second
 * create refused, lookups by external id — with faults to order per payout: an answer lost after the transfer was
 * taken, errors before it was taken, refusals, lookups that fail. It records every transfer it took, so that a test
 * can count transfers per payout (a double payout is two).
 */
final class TestCustodian implements PayoutRail {

    enum Fault { TIMEOUT_AFTER_ACCEPT, UNAVAILABLE, REFUSE }

    private final Map<String, RailTransaction> byExternalId = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookupFailures = new ConcurrentHashMap<>();
    private final List<RailTransfer> taken = new ArrayList<>();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile RailStatus statusOnCreate = RailStatus.SUBMITTED;

    /** What a new transfer's status is (SUBMITTED by default; COMPLETED for a rail that settles at once). */
    void createsAs(RailStatus status) {
        statusOnCreate = status;
    }

    /** The next submits of the payout meet these faults, one each. */
    void inject(String payoutId, Fault... next) {
        faults.computeIfAbsent(payoutId, k -> new ArrayDeque<>()).addAll(List.of(next));
    }

    /** The next {@code times} lookups of the payout fail as unavailable. */
    void failLookups(String payoutId, int times) {
        lookupFailures.computeIfAbsent(payoutId, k -> new AtomicInteger()).addAndGet(times);
    }

    void settle(String externalId, RailStatus status) {
        byExternalId.computeIfPresent(externalId, (id, tx) -> new RailTransaction(tx.railId(), id, status,
                status.finalSuccess() ? Optional.of("0xhash-" + tx.railId()) : tx.txHash()));
    }

    /** The transfers the custodian took for a payout (all its submissions). */
    synchronized List<RailTransfer> transfersOf(String payoutId) {
        return taken.stream().filter(t -> Payout.payoutIdOf(t.externalId()).equals(payoutId)).toList();
    }

    /** The transfers of a payout that completed: money that left. */
    long completedOf(String payoutId) {
        return byExternalId.values().stream()
                .filter(tx -> Payout.payoutIdOf(tx.externalId()).equals(payoutId) && tx.status().finalSuccess()).count();
    }

    int submits() {
        return submits.get();
    }

    @Override
    public SubmitOutcome submit(RailTransfer transfer) {
        submits.incrementAndGet();
        String payoutId = Payout.payoutIdOf(transfer.externalId());
        Fault fault = Optional.ofNullable(faults.get(payoutId)).map(Deque::poll).orElse(null);
        if (fault == Fault.UNAVAILABLE) {
            return new SubmitOutcome.Uncertain("503 from the test custodian");
        }
        if (fault == Fault.REFUSE) {
            return new SubmitOutcome.Refused("400 destination not allowed");
        }
        synchronized (this) {
            if (byExternalId.containsKey(transfer.externalId())) {
                return new SubmitOutcome.Duplicate(transfer.externalId());
            }
            RailTransaction tx = new RailTransaction("tx-" + ids.incrementAndGet(), transfer.externalId(), statusOnCreate,
                    statusOnCreate.finalSuccess() ? Optional.of("0xhash") : Optional.empty());
            byExternalId.put(transfer.externalId(), tx);
            taken.add(transfer);
            if (fault == Fault.TIMEOUT_AFTER_ACCEPT) {
                return new SubmitOutcome.Uncertain("timed out after 10 s");
            }
            return new SubmitOutcome.Accepted(tx);
        }
    }

    @Override
    public Optional<RailTransaction> find(String externalId) {
        AtomicInteger failures = lookupFailures.get(Payout.payoutIdOf(externalId));
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RailUnavailable("503 from the test custodian");
        }
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    @Override
    public RailTransaction parseCallback(Map<String, String> headers, String body) {
        throw new UnsupportedOperationException("the worker never parses callbacks");
    }
}
