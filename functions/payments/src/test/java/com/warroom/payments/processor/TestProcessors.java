package com.warroom.payments.processor;

import com.warroom.payments.PaymentsStack;

/** The payment processor handler over a {@link PaymentsStack}, for tests in other packages. */
public final class TestProcessors {

    private TestProcessors() {
    }

    public static PaymentProcessorHandler handler(PaymentsStack world) {
        return new Processor(world).handler;
    }
}
