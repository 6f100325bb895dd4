package com.warroom.oncall;

import java.util.Objects;

/**
 * One step of the escalation tree: when a page is still unacknowledged {@code afterMinutes} after it went out, call
 * {@code call}: {@link #BACKUP} (the area's backup on call) or a named person's email.
 */
public record EscalationStep(int afterMinutes, String call) {

    /** The area's backup on call at the time of the page. */
    public static final String BACKUP = "backup";
    /** The longest wait a step may name: a day (a page unanswered for longer is not an escalation any more). */
    public static final int MAX_MINUTES = 1440;

    public EscalationStep {
        Objects.requireNonNull(call, "call");
        if (afterMinutes < 1 || afterMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("an escalation step waits 1 to " + MAX_MINUTES + " minutes: " + afterMinutes);
        }
    }
}
