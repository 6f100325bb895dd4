package com.warroom.reconcile.run;

import java.time.LocalDate;
import java.util.Optional;

/** Starts a recorded run's workflow: one execution named after the run, with input {@code {"runId","day"}}. */
public interface ReconcileWorkflow {

    /** The execution's ARN; empty, with why, when it could not be started. */
    Started start(String runId, LocalDate day);

    record Started(Optional<String> executionArn, Optional<String> whyNot) {

        public static Started at(String arn) {
            return new Started(Optional.of(arn), Optional.empty());
        }

        public static Started not(String why) {
            return new Started(Optional.empty(), Optional.of(why));
        }
    }
}
