package com.warroom.approvals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an approval request is in its life.
 *
 * <pre>
 * PENDING  → APPROVED | REJECTED | EXPIRED | FAILED
 * APPROVED → APPLIED | FAILED
 * </pre>
 *
 * APPLIED, REJECTED, EXPIRED and FAILED are terminal. PENDING → FAILED is the workflow refusing a
 * request it cannot run (unknown action, payload that no longer matches its hash, a forged task
 * completion); APPROVED → FAILED is an apply step that refused or failed, or a decision that arrived
 * after the wait had timed out. Once the workflow has recorded its outcome the request also carries
 * {@code closedAt}: nothing changes it after that.
 */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    APPLIED,
    FAILED;

    private static final Set<ApprovalStatus> TERMINAL = EnumSet.of(REJECTED, EXPIRED, APPLIED, FAILED);

    public boolean terminal() {
        return TERMINAL.contains(this);
    }

    public boolean canBecome(ApprovalStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REJECTED || next == EXPIRED || next == FAILED;
            case APPROVED -> next == APPLIED || next == FAILED;
            default -> false;
        };
    }

    public static Optional<ApprovalStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst();
    }

    public static String catalogue() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
