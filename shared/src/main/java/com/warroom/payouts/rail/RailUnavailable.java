package com.warroom.payouts.rail;

/** The rail could not be asked: a timeout, a 5xx or 429, a connection refused. Try again later. */
public final class RailUnavailable extends RuntimeException {

    public RailUnavailable(String message) {
        super(message);
    }

    public RailUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
