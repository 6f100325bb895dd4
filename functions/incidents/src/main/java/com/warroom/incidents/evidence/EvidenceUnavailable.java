package com.warroom.incidents.evidence;

/** Evidence could not be collected or read now (a table, the bucket or the log service did not answer): nothing was recorded. */
public final class EvidenceUnavailable extends RuntimeException {

    public EvidenceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
