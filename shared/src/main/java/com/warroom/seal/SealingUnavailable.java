package com.warroom.seal;

/** A seal could not be made or checked (the key service did not answer): the write or read it belongs to must not go on. */
public final class SealingUnavailable extends RuntimeException {

    public SealingUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
