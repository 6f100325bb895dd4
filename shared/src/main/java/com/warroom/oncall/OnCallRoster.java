package com.warroom.oncall;

import java.time.Instant;
import java.util.Optional;

/** Who is on call: the roster of the sealed config (primary and backup per area, by rotation dates). */
public interface OnCallRoster {

    /** The primary of {@code area} at {@code at}; empty when no rotation covers it. */
    Optional<String> primaryAt(OnCallArea area, Instant at);
}
