package com.warroom.seal;

/** A seal could not be made (the key service did not answer): the write it belongs to must not happen. */
public final class SealingUnavailable extends RuntimeException {

    public SealingUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
