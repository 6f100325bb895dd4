package com.warroom.approvals.api;

import com.warroom.approvals.Decision;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Stands in for Step Functions: records every decision sent and answers what the test says. */
public final class RecordingDecisionSender implements DecisionSender {

    /** One decision as the workflow would receive it. */
    public record Sent(String taskToken, String approvalId, Decision decision) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Supplier<Delivery> answer = Delivery.Delivered::new;

    @Override
    public Delivery send(String taskToken, String approvalId, Decision decision) {
        sent.add(new Sent(taskToken, approvalId, decision));
        return answer.get();
    }

    public void answer(Supplier<Delivery> next) {
        this.answer = next;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentFor(String approvalId) {
        return sent.stream().filter(s -> s.approvalId().equals(approvalId)).toList();
    }
}
