package com.warroom.approvals.workflow;

/** Tells approvers that a request waits for them. Best effort: the list route shows every PENDING request anyway. */
@FunctionalInterface
public interface ApprovalNotifier {

    void requested(ApprovalNotice notice);
}
