package com.warroom.payouts.rail;

/** What asking the rail to make a transfer came to. */
public sealed interface SubmitOutcome {

    /** The rail took it: its transaction as created. */
    record Accepted(RailTransaction transaction) implements SubmitOutcome {
    }

    /** The rail already has a transfer with this external id: ask it with {@link PayoutRail#find}. */
    record Duplicate(String externalId) implements SubmitOutcome {
    }

    /**
     * No answer that says what happened (timeout, connection lost, 5xx, 429): the rail may or may not have taken it, so
     * ask with {@link PayoutRail#find} before submitting again.
     */
    record Uncertain(String reason) implements SubmitOutcome {
    }

    /** The rail refused it for good (4xx other than a duplicate: bad address, unknown asset, ...): it took nothing. */
    record Refused(String reason) implements SubmitOutcome {
    }
}
