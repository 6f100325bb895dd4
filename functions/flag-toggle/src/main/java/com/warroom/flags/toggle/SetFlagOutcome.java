package com.warroom.flags.toggle;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.flags.FlagRecord;

/** What setting a flag did. */
public sealed interface SetFlagOutcome {

    /** The new state is stored, with its audit entry. */
    record Applied(FlagRecord state) implements SetFlagOutcome {
    }

    /** The flag is already enabled in that scope: nothing to do, nothing written. */
    record Unchanged(FlagRecord state) implements SetFlagOutcome {
    }

    /** Re-enabling a fund flow needs a second person: a PENDING approval request was recorded instead. */
    record PendingApproval(ApprovalRequest request) implements SetFlagOutcome {
    }

    /** The caller's {@code expectedVersion} is not the stored version: nothing written. */
    record VersionConflict(long expected, FlagRecord current) implements SetFlagOutcome {
    }

    /** The change names an incident that does not exist, or is CLOSED: nothing written. */
    record IncidentRefused(String incidentId, String reason) implements SetFlagOutcome {
    }

    /** The stored flag states do not match their seal: nothing is sealed on top of them until they are restored. */
    record Tampered() implements SetFlagOutcome {
    }
}
