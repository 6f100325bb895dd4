package com.warroom.approvals.api;

import com.warroom.approvals.Decision;

/**
 * Tells the waiting workflow task of a decision: completes its task token with
 * {@code {"approvalId","decision"}} (the contract of {@link com.warroom.topology.ApprovalWorkflowDef}).
 */
@FunctionalInterface
public interface DecisionSender {

    Delivery send(String taskToken, String approvalId, Decision decision);

    /** What sending did. */
    sealed interface Delivery {
        /** The workflow has the decision. */
        record Delivered() implements Delivery {
        }

        /** The token opens no wait any more: it timed out, was completed already, or is not a token. */
        record WaitOver(String why) implements Delivery {
        }

        /** Step Functions could not be reached or refused for a reason that may pass; sending again may work. */
        record Unavailable(String why) implements Delivery {
        }
    }
}
