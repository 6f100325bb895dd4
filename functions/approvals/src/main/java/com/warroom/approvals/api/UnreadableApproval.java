package com.warroom.approvals.api;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.http.Problem;
import com.warroom.observability.OpsMetrics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An approval row that cannot be read (edited outside the functions), shown in place of the request so that one
 * bad row does not hide the others; each sighting is logged and counted in {@link #METRIC}.
 */
record UnreadableApproval(String id, boolean unreadable, String problem) {

    static final String METRIC = "ApprovalRowUnreadable";

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableApproval.class);

    /** The row as unreadable when it is, counted; empty when it reads. */
    static Optional<UnreadableApproval> of(ApprovalRequest request) {
        return request.defect().map(defect -> {
            LOG.warn("approval row {} cannot be read: {}", request.id(), defect);
            OpsMetrics.count(METRIC);
            return new UnreadableApproval(request.id(), true, "the stored request cannot be read: " + defect);
        });
    }

    /**
     * The answer for the one row asked for. A 500: the caller asked nothing wrong and cannot fix it by asking
     * again otherwise (a 4xx would say they could), and the stored data is the service's fault, which 5xx
     * alarms should see. It names the row and the field, nothing of the code.
     */
    Problem asProblem() {
        return Problem.of(500, "approval-unreadable", "Approval request unreadable", "approval " + id + ": " + problem
                + "; it has been reported to operations (metric " + METRIC + ")");
    }
}
