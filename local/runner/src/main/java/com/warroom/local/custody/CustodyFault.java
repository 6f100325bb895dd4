package com.warroom.local.custody;

import java.util.Arrays;
import java.util.Optional;

/** What the custody simulator can do to the next create of a payout's transaction instead of taking it plainly. */
public enum CustodyFault {
    /** Take it and record it, then keep the answer back until the client has given up: the lost answer. */
    TIMEOUT_AFTER_ACCEPT("timeout-after-accept"),
    /** Answer 503 and record nothing, as a custodian that is down for a moment. */
    RETRYABLE("retryable"),
    /** Refuse it for good with a 400 (not a duplicate) and record nothing. */
    REJECT("reject"),
    /** Take it, then leave it in PENDING_AUTHORIZATION until {@code ./warroom custody complete|fail}. */
    HOLD("hold");

    private final String wireName;

    CustodyFault(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CustodyFault> fromWire(String text) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(text)).findFirst();
    }

    public static String catalogue() {
        return String.join("|", Arrays.stream(values()).map(CustodyFault::wireName).toList());
    }
}
