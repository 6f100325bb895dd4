package com.warroom.stuck.sweep;

import java.util.List;
import java.util.Map;

/**
 * What one sweep saw and did: per kind, what it queued again and what is stuck; the unticketed findings; and the items
 * whose message the queue refused (queued again by the next sweep).
 */
public record SweepReport(Map<Kind, List<String>> redriven, Map<Kind, Stuck> stuckByKind, long unticketedFindings, List<String> refused) {

    /** What a swept item is; the label is the metrics' {@code kind} dimension and the stuck list's {@code kind}. */
    public enum Kind {
        PAYOUT("payout"), ORDER("order");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How many of a kind are stuck, and how long the oldest of them has waited (0 when none is). */
    public record Stuck(long count, long oldestAgeSeconds) {
        static final Stuck NONE = new Stuck(0, 0);

        Stuck plus(long ageSeconds) {
            return new Stuck(count + 1, Math.max(oldestAgeSeconds, ageSeconds));
        }
    }

    public SweepReport {
        redriven = Map.copyOf(redriven);
        stuckByKind = Map.copyOf(stuckByKind);
        refused = List.copyOf(refused);
    }

    public List<String> redriven(Kind kind) {
        return redriven.getOrDefault(kind, List.of());
    }

    public Stuck stuck(Kind kind) {
        return stuckByKind.getOrDefault(kind, Stuck.NONE);
    }
}
