package com.warroom.notifications.sender;

/**
 * The message should come back after the queue's visibility timeout: the provider failed and retries are left, or
 * another sender holds the item right now. Thrown so that the partial batch response names the message.
 */
public final class RetryLater extends RuntimeException {

    public RetryLater(String why) {
        super(why);
    }
}
