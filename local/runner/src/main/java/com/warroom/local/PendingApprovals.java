package com.warroom.local;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.topology.ApprovalWorkflowDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gives every open request its workflow again after a restart. Step Functions keeps its executions across
 * restarts; the local one keeps them in memory, so after a restart a PENDING request would have no waiting task to
 * complete, and a decided one that was not closed (the process stopped between the decision and the apply, or
 * between the apply and the close) would stay open for ever. A PENDING request's workflow starts again from the
 * beginning; a decided one's continues from the decision, as its lost execution would have: starting it from the
 * beginning would not do, since RecordRequest refuses a request that is no longer PENDING and the workflow would
 * then close an APPROVED request FAILED without applying it. Every step is safe to run again.
 */
final class PendingApprovals {

    private static final int PAGE = 100;
    // the decision each decided status was reached by; APPLIED means the apply committed and only the close is left
    private static final Map<ApprovalStatus, String> DECIDED = Map.of(
            ApprovalStatus.APPROVED, ApprovalWorkflowDef.APPROVED,
            ApprovalStatus.APPLIED, ApprovalWorkflowDef.APPROVED,
            ApprovalStatus.REJECTED, ApprovalStatus.REJECTED.name());

    /** Runs the rest of a lost execution from its decision (the local Step Functions' {@code startAfterDecision}). */
    interface AfterDecision {
        void start(String approvalId, String decision);
    }

    private PendingApprovals() {
    }

    /** The ids of the requests whose workflow was started again or continued. */
    static List<String> resume(ApprovalStore store, ApprovalWorkflowStarter workflow, AfterDecision afterDecision) {
        List<String> resumed = new ArrayList<>();
        each(store, ApprovalStatus.PENDING, request -> {
            if (workflow.start(request.id()) instanceof ApprovalWorkflowStarter.Start.Started) {
                resumed.add(request.id());
            }
        });
        DECIDED.forEach((status, decision) -> each(store, status, request -> {
            if (!request.closed()) {
                afterDecision.start(request.id(), decision);
                resumed.add(request.id());
            }
        }));
        return resumed;
    }

    private static void each(ApprovalStore store, ApprovalStatus status, Consumer<ApprovalRequest> action) {
        Optional<ApprovalStore.PageKey> after = Optional.empty();
        do {
            ApprovalStore.Listing page = store.newest(status, PAGE, after);
            page.requests().forEach(action);
            after = page.next();
        } while (after.isPresent());
    }
}
