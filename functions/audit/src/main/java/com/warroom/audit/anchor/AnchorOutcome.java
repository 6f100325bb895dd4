package com.warroom.audit.anchor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one run found for one sealed state: {@code ANCHORED} (it moved on and was anchored at {@code seq}),
 * {@code UNCHANGED} (already anchored at {@code seq}), {@code EMPTY} (nothing sealed yet, nothing anchored) or
 * {@code TAMPERED} (with {@code problem}: nothing is anchored over it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnchorOutcome(Status status, Long seq, String problem) {

    public enum Status { ANCHORED, UNCHANGED, EMPTY, TAMPERED }

    static AnchorOutcome anchored(long seq) {
        return new AnchorOutcome(Status.ANCHORED, seq, null);
    }

    static AnchorOutcome unchanged(long seq) {
        return new AnchorOutcome(Status.UNCHANGED, seq, null);
    }

    static AnchorOutcome empty() {
        return new AnchorOutcome(Status.EMPTY, null, null);
    }

    static AnchorOutcome tampered(String problem) {
        return new AnchorOutcome(Status.TAMPERED, null, problem);
    }

    public boolean tampered() {
        return status == Status.TAMPERED;
    }
}
