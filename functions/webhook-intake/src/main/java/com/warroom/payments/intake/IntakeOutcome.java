package com.warroom.payments.intake;

import com.warroom.http.Problem;

/** How taking in one notification ended. */
public sealed interface IntakeOutcome {

    /** Not a notification Warroom can read: nothing was written. */
    record Malformed(Problem problem) implements IntakeOutcome {
    }

    /** The signature is missing or does not match: nothing was written. */
    record Unsigned(boolean signaturePresent) implements IntakeOutcome {
    }

    /** Stored (or already stored: {@code duplicate}) and queued for the processor. */
    record Accepted(String eventKey, boolean duplicate) implements IntakeOutcome {
    }
}
