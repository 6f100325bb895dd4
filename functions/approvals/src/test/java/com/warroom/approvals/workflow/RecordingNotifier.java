package com.warroom.approvals.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for SNS: keeps every notice. */
public final class RecordingNotifier implements ApprovalNotifier {

    private final List<ApprovalNotice> notices = new CopyOnWriteArrayList<>();

    @Override
    public void requested(ApprovalNotice notice) {
        notices.add(notice);
    }

    public List<ApprovalNotice> noticesFor(String approvalId) {
        return notices.stream().filter(n -> n.approvalId().equals(approvalId)).toList();
    }
}
