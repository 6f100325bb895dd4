package com.warroom.reconcile.check;

/**
 * How risky a finding is. HIGH: a double payout, a negative balance, a broken audit chain or seal, or a money mismatch
 * above the configured amount. MEDIUM: a smaller money mismatch, or PAID without an entitlement. LOW: a timing gap
 * expected to clear (seen on one side only, for less than its age limit).
 */
public enum Risk {
    HIGH, MEDIUM, LOW
}
