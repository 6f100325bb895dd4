package com.warroom.reconcile.findings;

import java.util.Arrays;
import java.util.Optional;

/**
 * OPEN: seen and nobody has taken it on; ACKNOWLEDGED: a person took it on, with a ticket; RESOLVED: a later run no
 * longer saw it. A RESOLVED finding seen again is OPEN again.
 */
public enum FindingStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public static Optional<FindingStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst();
    }
}
