package com.warroom.local;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the workflow again for every request still waiting for a decision. Step Functions keeps its
 * executions across restarts; the local one keeps them in memory, so after a restart a PENDING request would
 * have no waiting task to complete. Its steps are safe to run again.
 */
final class PendingApprovals {

    private static final int PAGE = 100;

    private PendingApprovals() {
    }

    /** The ids of the requests whose workflow was started again. */
    static List<String> resume(ApprovalStore store, ApprovalWorkflowStarter workflow) {
        List<String> resumed = new ArrayList<>();
        Optional<ApprovalStore.PageKey> after = Optional.empty();
        do {
            ApprovalStore.Listing page = store.newest(ApprovalStatus.PENDING, PAGE, after);
            for (ApprovalRequest request : page.requests()) {
                if (workflow.start(request.id()) instanceof ApprovalWorkflowStarter.Start.Started) {
                    resumed.add(request.id());
                }
            }
            after = page.next();
        } while (after.isPresent());
        return resumed;
    }
}
