package com.warroom.flags;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether an action may start, and if not, which flag state blocks it. {@code since} is null when
 * the block comes from flags being unreadable rather than from a stored state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagDecision(boolean allowed, BlockedBy blockedBy, boolean stale) {

    /** The flag state that blocks an action. */
    public record BlockedBy(String flag, String scope, String reason, String since) {
    }

    public static FlagDecision allow(boolean stale) {
        return new FlagDecision(true, null, stale);
    }

    public static FlagDecision block(BlockedBy blockedBy, boolean stale) {
        return new FlagDecision(false, blockedBy, stale);
    }
}
