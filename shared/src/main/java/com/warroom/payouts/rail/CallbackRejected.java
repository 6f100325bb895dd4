package com.warroom.payouts.rail;

/** A rail callback that must change nothing: unsigned, badly signed, unreadable, or not about a transaction. */
public final class CallbackRejected extends RuntimeException {

    public CallbackRejected(String message) {
        super(message);
    }
}
