package com.warroom.reconcile.check;

/** What ops should do about a finding; its runbook says how. */
public enum Action {
    /** Run it again or let the sweeper re-drive it: expected to clear by itself. */
    RETRY,
    /** A person compares the two sides and corrects one through the normal, audited routes. */
    MANUAL_REVIEW,
    /** Funds are at risk: open an incident, pull the kill switch the runbook names, call finance. */
    ESCALATE
}
