package com.warroom.notices;

/** A flag-changes message this consumer cannot read: it fails alone and, after the queue's retries, lands in the DLQ. */
public final class UnreadableFlagChangeException extends RuntimeException {

    public UnreadableFlagChangeException(String why) {
        super("unreadable flag-changes message: " + why);
    }
}
