package com.warroom.config.api;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.http.FieldError;
import java.util.List;

/** What asking for a config change did. */
sealed interface ConfigChangeOutcome {

    /** A PENDING approval request and its audit entry were written. */
    record Pending(ApprovalRequest request) implements ConfigChangeOutcome {
    }

    /** The change cannot apply to the config in force; nothing was written. */
    record Invalid(List<FieldError> errors) implements ConfigChangeOutcome {
    }

    /** No config is loaded yet, so no change can be checked; nothing was written. */
    record NotLoaded() implements ConfigChangeOutcome {
    }
}
