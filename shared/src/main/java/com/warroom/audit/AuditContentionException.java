package com.warroom.audit;

/** Too many concurrent writers kept winning the race for the chain head; the caller may retry. */
public final class AuditContentionException extends RuntimeException {
    public AuditContentionException(int attempts) {
        super("audit chain head still contended after " + attempts + " attempts");
    }
}
