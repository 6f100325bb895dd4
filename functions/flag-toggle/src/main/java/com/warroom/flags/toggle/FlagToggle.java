package com.warroom.flags.toggle;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.flags.FlagChangeNotifier;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagStore;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Sets kill switches. Disabling anything, or enabling a flag that is not fund-related, is applied at
 * once; enabling a fund-related flag records a PENDING approval request instead, sealed ({@link ApprovalRequester}).
 * Every write goes with its audit entry and the new flag seal in one transaction, conditional on the versions that
 * were read. Nothing is sealed on top of states that do not match their seal, so a tampering cannot be laundered.
 */
public final class FlagToggle {

    /** A request expires when the workflow stops waiting for its decision. */
    public static final Duration APPROVAL_TTL = Topology.APPROVAL.decisionTimeout();

    private final FlagStore flags;
    private final ApprovalRequester approvals;
    private final AuditLog audit;
    private final FlagChangeNotifier notifier;
    private final ApprovalWorkflowStarter workflow;
    private final Clock clock;

    public FlagToggle(FlagStore flags, DynamoDbTable<ApprovalRequest> approvals, Sealer sealer, AuditLog audit,
                      FlagChangeNotifier notifier, ApprovalWorkflowStarter workflow, Clock clock) {
        this(flags, new ApprovalRequester(approvals, sealer), audit, notifier, workflow, clock);
    }

    private FlagToggle(FlagStore flags, ApprovalRequester approvals, AuditLog audit,
                       FlagChangeNotifier notifier, ApprovalWorkflowStarter workflow, Clock clock) {
        this.flags = flags;
        this.approvals = approvals;
        this.audit = audit;
        this.notifier = notifier;
        this.workflow = workflow;
        this.clock = clock;
    }

    public SetFlagOutcome set(SetFlagCommand command, Caller caller, RequestOrigin origin) {
        SetFlagOutcome outcome = audit.commit(auditSeq -> prepare(command, caller, origin, auditSeq));
        if (outcome instanceof SetFlagOutcome.Applied applied) {
            notifier.changed(applied.state());
        }
        if (outcome instanceof SetFlagOutcome.PendingApproval pending) {
            workflow.startRecorded(pending.request().id());
        }
        return outcome;
    }

    private AuditedChange.Attempt<SetFlagOutcome> prepare(SetFlagCommand command, Caller caller,
                                                          RequestOrigin origin, long auditSeq) {
        if (!(flags.load() instanceof FlagStore.Load.Trusted trusted)) {
            return new AuditedChange.Refuse<>(new SetFlagOutcome.Tampered());
        }
        FlagRecord current = trusted.current(command.flag(), command.scope());
        if (command.expectedVersion().isPresent() && command.expectedVersion().get() != current.version()) {
            return new AuditedChange.Refuse<>(new SetFlagOutcome.VersionConflict(command.expectedVersion().get(), current));
        }
        if (command.enabled() && current.enabled()) {
            return new AuditedChange.Refuse<>(new SetFlagOutcome.Unchanged(current));
        }
        if (command.enabled() && command.flag().fundRelated()) {
            return requestApproval(command, caller, origin, current, auditSeq);
        }
        return apply(command, caller, origin, trusted, current, auditSeq);
    }

    private AuditedChange.Attempt<SetFlagOutcome> apply(SetFlagCommand command, Caller caller, RequestOrigin origin,
                                                        FlagStore.Load.Trusted trusted, FlagRecord current, long auditSeq) {
        FlagRecord next = new FlagRecord(command.flag().key(), command.scope().key(), command.enabled(), command.reason(),
                caller.sub(), caller.email(), clock.instant().toString(), current.version() + 1, auditSeq);
        AuditDraft draft = new AuditDraft(caller, "flag.set", command.target(),
                current.version() == 0 ? null : Json.write(current), Json.write(next), command.reason(), origin);
        return new AuditedChange.Write<>(flags.change(trusted, next), draft,
                entry -> new SetFlagOutcome.Applied(next));
    }

    private AuditedChange.Attempt<SetFlagOutcome> requestApproval(SetFlagCommand command, Caller caller,
                                                                  RequestOrigin origin, FlagRecord current, long auditSeq) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("flag", command.flag().key());
        payload.put("scope", command.scope().key());
        payload.put("enabled", true);
        payload.put("reason", command.reason());
        payload.put("expectedVersion", current.version());
        ApprovalRequest request = ApprovalRequest.pending(UUID.randomUUID().toString(), EnableFundFlagAction.NAME,
                Json.canonical(payload), caller, command.reason(), now, APPROVAL_TTL);
        return approvals.write(new ApprovalRequester.NewRequest(request, caller, command.target(),
                current.version() == 0 ? null : Json.write(current), origin), auditSeq, SetFlagOutcome.PendingApproval::new);
    }

}
