package com.warroom.reconcile.check;

import java.util.Objects;

/**
 * A mismatch a check saw in this run, before it is recorded as a finding. {@code check} and {@code subject} make its
 * stable id across runs, so {@code subject} names the thing that is wrong (a payout id, an account and currency, a
 * round), never something that changes from run to run. {@code runbook} is the README anchor that says what to do,
 * such as {@code #reconcile-double-payout}.
 */
public record FindingDraft(String check, String subject, String expected, String actual, String difference, Risk risk,
                           Action action, String runbook) {

    public FindingDraft {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(action, "action");
        if (runbook == null || !runbook.startsWith("#")) {
            throw new IllegalArgumentException("a finding's runbook is a README anchor (#...): " + runbook);
        }
    }
}
