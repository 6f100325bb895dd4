package com.warroom.payments.processor;

/** What Midtrans's get-status API says of an order. */
public sealed interface MidtransAnswer {

    /** Midtrans has a transaction for the order. */
    record Found(MidtransTransaction transaction) implements MidtransAnswer {
    }

    /** Midtrans has no transaction for the order (the user never chose a payment method, or the id is not Midtrans's). */
    record NotFound() implements MidtransAnswer {
    }
}
