package com.warroom.flags.toggle;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import java.util.Optional;

/**
 * A validated request to set one flag in one scope, made for the incident {@code incidentId} when it names one (the
 * change then goes into the incident's timeline and links).
 */
public record SetFlagCommand(Flag flag, FlagScope scope, boolean enabled, String reason, Optional<Long> expectedVersion,
                             Optional<String> incidentId) {

    /** A change made for no incident. */
    public SetFlagCommand(Flag flag, FlagScope scope, boolean enabled, String reason, Optional<Long> expectedVersion) {
        this(flag, scope, enabled, reason, expectedVersion, Optional.empty());
    }

    public static final int MIN_REASON_LENGTH = 10;
    public static final int MAX_REASON_LENGTH = 500;

    /** The audit target of a flag in a scope, e.g. {@code flag:contribute@round:R1}. */
    public String target() {
        return targetOf(flag, scope);
    }

    public static String targetOf(Flag flag, FlagScope scope) {
        return "flag:" + flag.key() + "@" + scope.key();
    }
}
