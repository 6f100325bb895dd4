package com.warroom.payments.processor;

import java.util.Optional;

/** What one check decided: the change to apply (maybe none), a finding for a person (maybe none), and why, in one line. */
public record Verdict(Transition transition, Optional<ReviewNote> review, String outcome) {

    static Verdict none(String outcome) {
        return new Verdict(new Transition.None(), Optional.empty(), outcome);
    }

    static Verdict review(ReviewNote note) {
        return new Verdict(new Transition.None(), Optional.of(note), "not applied: " + note.detail());
    }
}
