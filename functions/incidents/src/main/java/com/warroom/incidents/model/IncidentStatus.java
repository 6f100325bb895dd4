package com.warroom.incidents.model;

import java.util.Arrays;
import java.util.Optional;

/** The SOP's steps of an incident, in order; an incident moves one step at a time and never back. */
public enum IncidentStatus {
    DETECTED, CLASSIFIED, CONTAINED, INVESTIGATING, RESOLVED, CLOSED;

    /** The one status this one may move to; empty for CLOSED. */
    public Optional<IncidentStatus> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public boolean mayMoveTo(IncidentStatus target) {
        return next().filter(target::equals).isPresent();
    }

    public static Optional<IncidentStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst();
    }
}
