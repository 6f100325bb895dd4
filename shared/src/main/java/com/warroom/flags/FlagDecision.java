package com.warroom.flags;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether an action may start, and if not, which flag state blocks it. {@code since} is null when
 * the block comes from flags being unreadable rather than from a stored state. {@code tampered} says that the
 * latest load found the flag rows not matching their seal, so the answer comes from the last verified copy or
 * from failing closed (fund flows) or open.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagDecision(boolean allowed, BlockedBy blockedBy, boolean stale, boolean tampered) {

    /** The flag state that blocks an action. */
    public record BlockedBy(String flag, String scope, String reason, String since) {
    }

    public static FlagDecision allow(boolean stale) {
        return new FlagDecision(true, null, stale, false);
    }

    public static FlagDecision block(BlockedBy blockedBy, boolean stale) {
        return new FlagDecision(false, blockedBy, stale, false);
    }

    public FlagDecision markedTampered() {
        return new FlagDecision(allowed, blockedBy, stale, true);
    }
}
