package com.warroom.stuck.sweep;

import com.warroom.payouts.Payout;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.payouts.rail.RailTransaction;
import com.warroom.payouts.rail.RailTransfer;
import com.warroom.payouts.rail.SubmitOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A custodian in memory that keeps the custody contract the worker relies on (one transfer per external id, a second
 * create refused, lookups by external id) and records every transfer it took and every lookup, so that a test counts
 * transfers per payout (a double payout is two) and sees the worker ask.
 */
final class InMemoryCustodian implements PayoutRail {

    private final Map<String, RailTransaction> byExternalId = new ConcurrentHashMap<>();
    private final List<RailTransfer> taken = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile RailStatus statusOnCreate = RailStatus.SUBMITTED;

    void createsAs(RailStatus status) {
        statusOnCreate = status;
    }

    /** The rail ends (or moves) the transfer on its own, as a custodian does while its callback may be lost. */
    void settle(String externalId, RailStatus status) {
        byExternalId.computeIfPresent(externalId, (id, tx) -> new RailTransaction(tx.railId(), id, status,
                status.finalSuccess() ? Optional.of("0xhash-" + tx.railId()) : tx.txHash()));
    }

    List<RailTransfer> transfersOf(String payoutId) {
        return taken.stream().filter(t -> Payout.payoutIdOf(t.externalId()).equals(payoutId)).toList();
    }

    int lookupsOf(String payoutId) {
        return lookups.getOrDefault(payoutId, new AtomicInteger()).get();
    }

    @Override
    public synchronized SubmitOutcome submit(RailTransfer transfer) {
        if (byExternalId.containsKey(transfer.externalId())) {
            return new SubmitOutcome.Duplicate(transfer.externalId());
        }
        RailTransaction tx = new RailTransaction("tx-" + ids.incrementAndGet(), transfer.externalId(), statusOnCreate,
                statusOnCreate.finalSuccess() ? Optional.of("0xhash") : Optional.empty());
        byExternalId.put(transfer.externalId(), tx);
        taken.add(transfer);
        return new SubmitOutcome.Accepted(tx);
    }

    @Override
    public Optional<RailTransaction> find(String externalId) {
        lookups.computeIfAbsent(Payout.payoutIdOf(externalId), k -> new AtomicInteger()).incrementAndGet();
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    @Override
    public RailTransaction parseCallback(Map<String, String> headers, String body) {
        throw new UnsupportedOperationException("the sweeper's tests send no callbacks");
    }
}
