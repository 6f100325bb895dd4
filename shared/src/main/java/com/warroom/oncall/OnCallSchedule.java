package com.warroom.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The on-call section of the sealed config: the rotations of every area (primary and backup, by dates in
 * {@code zone}) and the escalation tree (who to call after how many minutes without an acknowledgement). The config
 * reader enforces its rules (every area listed, rotations of an area not overlapping, escalation steps increasing).
 */
public record OnCallSchedule(ZoneId zone, List<OnCallRotation> rotations, List<EscalationStep> escalation) {

    public OnCallSchedule {
        Objects.requireNonNull(zone, "zone");
        // by area, then start: the order every listing and every snapshot comes out in
        rotations = rotations.stream().sorted(Comparator.comparing(OnCallRotation::area).thenComparing(OnCallRotation::from)).toList();
        escalation = List.copyOf(escalation);
    }

    /** The rotation of {@code area} that covers {@code at}; empty when none does. */
    public Optional<OnCallRotation> rotationAt(OnCallArea area, Instant at) {
        return rotations.stream().filter(r -> r.area() == area && r.covers(at, zone)).findFirst();
    }

    /** The areas no rotation covers at {@code at}. */
    public List<OnCallArea> uncoveredAt(Instant at) {
        List<OnCallArea> uncovered = new ArrayList<>();
        for (OnCallArea area : OnCallArea.values()) {
            if (rotationAt(area, at).isEmpty()) {
                uncovered.add(area);
            }
        }
        return uncovered;
    }
}
