package com.warroom.anchor;

/** The anchor bucket could not be read or written. */
public final class AnchorsUnavailable extends RuntimeException {

    public AnchorsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
