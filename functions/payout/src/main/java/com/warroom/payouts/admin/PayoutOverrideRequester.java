package com.warroom.payouts.admin;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.actions.PayoutOverrideAction;
import com.warroom.approvals.actions.PayoutOverridePayload;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutView;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import com.warroom.topology.Topology;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks for a payout override: checks that the payout exists, is in a state an override applies to and matches its
 * seal, then records a PENDING {@code PAYOUT_OVERRIDE} approval over the payload with the status seen, sealed, with its
 * {@code approval.requested} entry (target {@code payout:<id>}, the payout as it was before) in one transaction
 * ({@link ApprovalRequester}), and starts the approval workflow. Only the workflow's apply step changes the payout.
 */
final class PayoutOverrideRequester {

    private final PayoutAdmin admin;

    PayoutOverrideRequester(PayoutAdmin admin) {
        this.admin = admin;
    }

    /** The override asked for; {@code railReference} only with MARK_CONFIRMED. */
    record Command(String payoutId, PayoutOverridePayload.Kind action, Optional<String> railReference, String note) {
    }

    sealed interface Outcome {
        /** The PENDING request and its audit entry were written (and its workflow started, or left to the keeper). */
        record Pending(ApprovalRequest request) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NotOverridable(String status) implements Outcome {
        }

        record SealBroken() implements Outcome {
        }
    }

    Outcome request(Command command, Caller caller, RequestOrigin origin) {
        Outcome outcome = admin.audit().commit(auditSeq -> prepare(command, caller, origin, auditSeq));
        if (outcome instanceof Outcome.Pending pending) {
            admin.workflow().startRecorded(pending.request().id());
        }
        return outcome;
    }

    // reads only (and seals): the audit log calls it again when the chain moved under it
    private AuditedChange.Attempt<Outcome> prepare(Command command, Caller caller, RequestOrigin origin, long auditSeq) {
        Optional<Payout> found = admin.store().find(command.payoutId());
        if (found.isEmpty()) {
            return new AuditedChange.Refuse<>(new Outcome.NotFound());
        }
        Payout payout = found.get();
        Optional<PayoutStatus> state = payout.state().filter(PayoutOverridePayload::overridable);
        if (state.isEmpty()) {
            return new AuditedChange.Refuse<>(new Outcome.NotOverridable(payout.progress().status()));
        }
        switch (admin.seal().verify(payout)) {
            case Verification.Valid valid -> {
                // as accepted
            }
            case Verification.Invalid invalid -> {
                OpsMetrics.count(PayoutSeal.TAMPERED_METRIC);
                return new AuditedChange.Refuse<>(new Outcome.SealBroken());
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        var payload = new PayoutOverridePayload(payout.payoutId(), command.action(), command.railReference(), command.note(),
                state.get());
        Instant now = admin.clock().instant();
        ApprovalRequest pending = ApprovalRequest.pending(UUID.randomUUID().toString(), PayoutOverrideAction.NAME,
                Json.canonical(payload.fields()), caller, command.note(), now, Topology.APPROVAL.decisionTimeout());
        var request = new ApprovalRequester.NewRequest(pending, caller, payload.target(),
                Json.write(PayoutView.of(payout, true, now, Optional.empty())), origin);
        return admin.approvals().write(request, auditSeq, Outcome.Pending::new);
    }
}
