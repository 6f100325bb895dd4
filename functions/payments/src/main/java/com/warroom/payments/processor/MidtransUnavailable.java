package com.warroom.payments.processor;

/**
 * Midtrans's API gave no usable answer: unreachable, timed out, a 5xx, the server key refused, or a body that is not a
 * get-status answer. The check is retried (the message comes back; after the queue's receives, the DLQ).
 */
public final class MidtransUnavailable extends RuntimeException {

    /** The CloudWatch metric (and alarm) counted for each get-status call that failed so. */
    public static final String METRIC = "MidtransUnavailable";

    public MidtransUnavailable(String message) {
        super(message);
    }

    public MidtransUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
