package com.warroom.payouts.worker;

/**
 * The points of a try where a worker can die (a crash, a timeout, a lost instance). The worker reports each to its
 * {@link Checkpoints}; production's do nothing, tests make them throw to show that no step leads to a second payment.
 */
public enum WorkerStep {
    /** The payout is SUBMITTING (the claim is written); the rail has not been asked. */
    CLAIMED,
    /** The rail answered the submit (or the lookup); nothing about it is written yet. */
    RAIL_ANSWERED,
    /** The confirmation (payout CONFIRMED with its ledger entry) is about to be committed. */
    CONFIRMING,
    /** Everything is written; the message is not acknowledged yet. */
    SETTLED;

    /** Where the worker tells of each step it reaches. */
    @FunctionalInterface
    public interface Checkpoints {
        Checkpoints NONE = step -> { };

        void reached(WorkerStep step);
    }
}
