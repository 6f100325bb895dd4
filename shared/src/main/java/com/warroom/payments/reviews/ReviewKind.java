package com.warroom.payments.reviews;

/** Why a payment event was not applied and waits for a person. */
public enum ReviewKind {
    /** Midtrans's amount or currency is not the order's. */
    AMOUNT_MISMATCH,
    /** A notification for an order Warroom does not know. */
    UNKNOWN_ORDER,
    /** The notification, or the order's state here, and Midtrans's get-status answer do not agree. */
    STATUS_DISAGREES
}
