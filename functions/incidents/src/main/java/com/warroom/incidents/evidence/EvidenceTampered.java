package com.warroom.incidents.evidence;

/**
 * A stored evidence object no longer hashes to what was recorded when it was collected: it must not be served as
 * evidence. Raised loudly (and logged as an error) rather than answered.
 */
public final class EvidenceTampered extends RuntimeException {

    public EvidenceTampered(String message) {
        super(message);
    }
}
