package com.warroom.flags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process kill-switch check every function calls before starting an action. It serves a
 * snapshot of all flag states for {@code freshFor} (30 s by default), so a toggle takes effect
 * everywhere within that time. When the flags cannot be read it keeps serving the last snapshot for
 * up to {@code staleFor} (5 min); with nothing usable, fund-related actions are blocked (fail closed)
 * and the others allowed (fail open). Flag rows that do not match their seal are such a failure too (only
 * verified snapshots are kept), counted and reported as {@code tampered} until a load verifies again.
 */
public final class FlagGate {

    public static final Duration DEFAULT_FRESH_FOR = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STALE_FOR = Duration.ofMinutes(5);
    public static final String UNAVAILABLE_REASON =
            "flag states cannot be read or trusted; fund-related actions are blocked until they can (fail closed)";

    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(FlagGate.class);

    /** Where snapshots come from. */
    @FunctionalInterface
    public interface SnapshotSource {
        FlagSnapshot read();
    }

    /** What the gate reports when it degrades. */
    public interface Signals {
        void staleServed();

        void failedClosed();

        void failedOpen();

        /** A load found the flag rows not matching their seal. */
        void tampered();

        Signals NONE = new Signals() {
            public void staleServed() {
            }

            public void failedClosed() {
            }

            public void failedOpen() {
            }

            public void tampered() {
            }
        };
    }

    private final SnapshotSource source;
    private final Clock clock;
    private final Signals signals;
    private final Duration freshFor;
    private final Duration staleFor;
    private volatile FlagSnapshot cached;
    private Instant lastFailure;
    private boolean lastFailureTampered;

    public FlagGate(SnapshotSource source, Clock clock, Signals signals) {
        this(source, clock, signals, DEFAULT_FRESH_FOR, DEFAULT_STALE_FOR);
    }

    public FlagGate(SnapshotSource source, Clock clock, Signals signals, Duration freshFor, Duration staleFor) {
        this.source = source;
        this.clock = clock;
        this.signals = signals;
        this.freshFor = freshFor;
        this.staleFor = staleFor;
    }

    public FlagDecision check(Flag flag, Optional<String> roundId, Optional<String> userId) {
        FlagSnapshot snapshot = cached;
        Instant now = clock.instant();
        if (snapshot != null && age(snapshot, now).compareTo(freshFor) < 0) {
            return snapshot.decide(flag, roundId, userId, false);
        }
        return refreshAndDecide(flag, roundId, userId);
    }

    private synchronized FlagDecision refreshAndDecide(Flag flag, Optional<String> roundId, Optional<String> userId) {
        Instant now = clock.instant();
        FlagSnapshot snapshot = cached;
        // another thread may have refreshed while this one waited for the lock
        if (snapshot != null && age(snapshot, now).compareTo(freshFor) < 0) {
            return snapshot.decide(flag, roundId, userId, false);
        }
        // after a failed read, answer from what is known for a moment instead of piling every caller onto a dead table
        boolean recentlyFailed = lastFailure != null && Duration.between(lastFailure, now).compareTo(RETRY_AFTER_FAILURE) < 0;
        if (!recentlyFailed) {
            try {
                FlagSnapshot fresh = source.read();
                cached = new FlagSnapshot(fresh.records(), now);
                lastFailure = null;
                lastFailureTampered = false;
                return cached.decide(flag, roundId, userId, false);
            } catch (FlagStatesTampered e) {
                signals.tampered();
                lastFailure = now;
                lastFailureTampered = true;
            } catch (RuntimeException e) {
                LOG.warn("flag states could not be read", e);
                lastFailure = now;
                lastFailureTampered = false;
            }
        }
        FlagDecision degraded = degraded(flag, roundId, userId, snapshot, now);
        return lastFailureTampered ? degraded.markedTampered() : degraded;
    }

    private FlagDecision degraded(Flag flag, Optional<String> roundId, Optional<String> userId, FlagSnapshot snapshot, Instant now) {
        if (snapshot != null && age(snapshot, now).compareTo(staleFor) <= 0) {
            signals.staleServed();
            return snapshot.decide(flag, roundId, userId, true);
        }
        if (flag.fundRelated()) {
            signals.failedClosed();
            return FlagDecision.block(new FlagDecision.BlockedBy(flag.key(), "global", UNAVAILABLE_REASON, null), true);
        }
        signals.failedOpen();
        return FlagDecision.allow(true);
    }

    private static Duration age(FlagSnapshot snapshot, Instant now) {
        return Duration.between(snapshot.readAt(), now);
    }
}
