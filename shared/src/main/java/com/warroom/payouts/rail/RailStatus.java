package com.warroom.payouts.rail;

import java.util.Arrays;
import java.util.Optional;

/**
 * A custody transaction's status, as a Fireblocks-shaped custody API reports it. Only {@link #COMPLETED} means the money
 * left; the final failures mean it never will; everything else is still on its way.
 */
public enum RailStatus {
    SUBMITTED, PENDING_AUTHORIZATION, QUEUED, PENDING_SIGNATURE, BROADCASTING, CONFIRMING,
    COMPLETED,
    FAILED, REJECTED, CANCELLED, BLOCKED;

    public boolean finalSuccess() {
        return this == COMPLETED;
    }

    public boolean finalFailure() {
        return this == FAILED || this == REJECTED || this == CANCELLED || this == BLOCKED;
    }

    public boolean inProgress() {
        return !finalSuccess() && !finalFailure();
    }

    /**
     * The status named {@code name}. A status this list does not know (the custodian has intermediate ones such as
     * {@code PENDING_3RD_PARTY}) is still on its way: {@link #SUBMITTED}, never a final one.
     */
    public static RailStatus parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(SUBMITTED);
    }

    public static Optional<RailStatus> known(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
