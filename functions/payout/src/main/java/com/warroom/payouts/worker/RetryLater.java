package com.warroom.payouts.worker;

/** The message cannot be handled now (another worker holds the payout, a seal could not be checked): it comes back later. */
final class RetryLater extends RuntimeException {

    RetryLater(String message) {
        super(message, null, false, false);
    }
}
