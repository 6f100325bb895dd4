package com.warroom.bench;

import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.RailTransaction;
import com.warroom.payouts.rail.RailTransfer;
import com.warroom.payouts.rail.SubmitOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rail that counts what it is asked before passing it on: each {@code submit} is one custody create
 * ({@code POST /v1/transactions}) and each {@code find} one get by external id, with how they went; a callback's
 * signature check makes no HTTP call.
 */
final class CountingRail implements PayoutRail {

    private final PayoutRail rail;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();

    CountingRail(PayoutRail rail) {
        this.rail = rail;
    }

    @Override
    public SubmitOutcome submit(RailTransfer transfer) {
        long begin = System.nanoTime();
        SubmitOutcome outcome = rail.submit(transfer);
        nanos.add(System.nanoTime() - begin);
        count(outcome instanceof SubmitOutcome.Accepted accepted
                ? "create.Accepted." + accepted.transaction().status() : "create." + outcome.getClass().getSimpleName());
        return outcome;
    }

    @Override
    public Optional<RailTransaction> find(String externalId) {
        long begin = System.nanoTime();
        try {
            Optional<RailTransaction> found = rail.find(externalId);
            count(found.map(tx -> "get." + tx.status()).orElse("get.NotFound"));
            return found;
        } catch (RuntimeException e) {
            count("get." + e.getClass().getSimpleName());
            throw e;
        } finally {
            nanos.add(System.nanoTime() - begin);
        }
    }

    @Override
    public RailTransaction parseCallback(Map<String, String> headers, String body) {
        return rail.parseCallback(headers, body);
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    /** Calls so far, e.g. {@code create.Accepted}, {@code get.COMPLETED}, sorted. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    /** The time its calls took, in nanoseconds. */
    long nanos() {
        return nanos.sum();
    }

    void reset() {
        nanos.reset();
        counts.clear();
    }
}
