package com.warroom.aws;

import com.warroom.lambda.Jitter;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Conditional transactions that lose a race: tell a lost race from a real failure, and wait before preparing again.
 */
public final class TransactionRace {

    private TransactionRace() {
    }

    /**
     * Whether the transaction was cancelled only because the state it was prepared from has moved (a condition failed)
     * or another transaction held one of its items: then read again, prepare again and retry.
     */
    public static boolean lost(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if (code != null && !code.equals("None") && !code.equals("ConditionalCheckFailed")
                    && !code.equals("TransactionConflict")) {
                return false;
            }
        }
        return true;
    }

    /** Exponential back-off with full jitter, capped, so that racing writers spread out instead of colliding again. */
    public static void backOff(int attempt, long capMillis) {
        long maxMillis = Math.min(capMillis, 1L << Math.min(attempt, 20));
        LockSupport.parkNanos(Jitter.upTo(maxMillis) * 1_000_000L);
    }
}
