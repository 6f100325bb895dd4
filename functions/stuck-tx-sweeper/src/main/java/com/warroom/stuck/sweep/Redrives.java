package com.warroom.stuck.sweep;

import com.warroom.idempotency.ProcessedMessages;
import java.time.Duration;

/**
 * Makes each re-drive once-only: before an item goes on a queue, a conditional put of the mark {@code <kind>:<id>:
 * <version>} in the idempotency table, which holds only if no live mark is there. Two sweeps that overlap, or a sweep
 * run again before the worker acted, find the mark and queue nothing; an item that moved on has another version and
 * another mark. A mark lives for its window only, so that an item the worker left as it was (a payout the rail still
 * holds, one a kill switch pauses, an order Midtrans still calls pending) is re-driven again once the window passed.
 */
public final class Redrives {

    static final String CONSUMER = "stuck-tx-sweeper";

    private final ProcessedMessages marks;

    public Redrives(ProcessedMessages marks) {
        this.marks = marks;
    }

    /** Whether this sweep may queue the item now; false when another sweep did within {@code window}. */
    boolean claim(String kind, String id, long version, Duration window) {
        return marks.record(CONSUMER, businessId(kind, id, version), window);
    }

    /** The queue refused the item: the mark goes, so that the next sweep (or Lambda's retry of this one) queues it. */
    void release(String kind, String id, long version) {
        marks.forget(CONSUMER, businessId(kind, id, version));
    }

    static String businessId(String kind, String id, long version) {
        return kind + ":" + id + ":" + version;
    }
}
