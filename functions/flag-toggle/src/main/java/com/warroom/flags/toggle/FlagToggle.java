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
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.IncidentJournal;
import com.warroom.incidents.IncidentLink;
import com.warroom.incidents.TimelineEntry;
import com.warroom.json.Json;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Sets kill switches. Disabling anything, or enabling a flag that is not fund-related, is applied at
 * once; enabling a fund-related flag records a PENDING approval request instead, sealed ({@link ApprovalRequester}).
 * Every write goes with its audit entry and the new flag seal in one transaction, conditional on the versions that
 * were read. Nothing is sealed on top of states that do not match their seal, so a tampering cannot be laundered. A
 * change made for an incident is written into the incident's timeline (FLAG_CHANGE) and links in the same transaction,
 * and refused when the incident does not exist or is CLOSED.
 */
public final class FlagToggle {

    /** A request expires when the workflow stops waiting for its decision. */
    public static final Duration APPROVAL_TTL = Topology.APPROVAL.decisionTimeout();

    private final FlagStore flags;
    private final ApprovalRequester approvals;
    private final AuditLog audit;
    private final FlagChangeNotifier notifier;
    private final ApprovalWorkflowStarter workflow;
    private final IncidentJournal incidents;
    private final Clock clock;

    /** The kill switches' collaborators: where the flags, approval requests, audit and incidents are kept, whom to tell. */
    public record Parts(FlagStore flags, DynamoDbTable<ApprovalRequest> approvals, Sealer sealer, AuditLog audit,
                        FlagChangeNotifier notifier, ApprovalWorkflowStarter workflow, IncidentJournal incidents) {
    }

    public FlagToggle(Parts parts, Clock clock) {
        this.flags = parts.flags();
        this.approvals = new ApprovalRequester(parts.approvals(), parts.sealer());
        this.audit = parts.audit();
        this.notifier = parts.notifier();
        this.workflow = parts.workflow();
        this.incidents = parts.incidents();
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
        Optional<IncidentItem> incident = command.incidentId().flatMap(incidents::find);
        if (command.incidentId().isPresent()) {
            String id = command.incidentId().get();
            if (incident.isEmpty()) {
                return new AuditedChange.Refuse<>(new SetFlagOutcome.IncidentRefused(id, "no incident " + id + " exists"));
            }
            if ("CLOSED".equals(incident.get().status())) {
                return new AuditedChange.Refuse<>(new SetFlagOutcome.IncidentRefused(id, "incident " + id + " is CLOSED"));
            }
        }
        AuditedChange.Write<SetFlagOutcome> write = command.enabled() && command.flag().fundRelated()
                ? requestApproval(command, caller, origin, current, auditSeq)
                : apply(command, caller, origin, trusted, current, auditSeq);
        return incident.isEmpty() ? write : withIncident(write, incident.get(), command, caller);
    }

    // the incident's FLAG_CHANGE entry and flag link, in the transaction of the change itself
    private AuditedChange.Write<SetFlagOutcome> withIncident(AuditedChange.Write<SetFlagOutcome> write, IncidentItem incident,
                                                           SetFlagCommand command, Caller caller) {
        Instant now = clock.instant();
        boolean pending = command.enabled() && command.flag().fundRelated();
        String text = "kill switch " + command.flag().key() + "@" + command.scope().key() + " "
                + (pending ? "enable requested (needs a second person's approval)" : command.enabled() ? "enabled" : "disabled")
                + ": " + command.reason();
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>(write.writes());
        writes.addAll(incidents.flagChange(incident, new IncidentLink(IncidentLink.Kind.FLAG, command.flag().key() + "@" + command.scope().key(),
                now, caller.sub()), TimelineEntry.Draft.of(TimelineEntry.Kind.FLAG_CHANGE, caller.sub(), now, text)));
        return new AuditedChange.Write<>(writes, write.draft(), write.result());
    }

    private AuditedChange.Write<SetFlagOutcome> apply(SetFlagCommand command, Caller caller, RequestOrigin origin,
                                                        FlagStore.Load.Trusted trusted, FlagRecord current, long auditSeq) {
        FlagRecord next = new FlagRecord(command.flag().key(), command.scope().key(), command.enabled(), command.reason(),
                caller.sub(), caller.email(), clock.instant().toString(), current.version() + 1, auditSeq);
        AuditDraft draft = new AuditDraft(caller, "flag.set", command.target(),
                current.version() == 0 ? null : Json.write(current), Json.write(next), command.reason(), origin);
        return new AuditedChange.Write<>(flags.change(trusted, next), draft,
                entry -> new SetFlagOutcome.Applied(next));
    }

    private AuditedChange.Write<SetFlagOutcome> requestApproval(SetFlagCommand command, Caller caller,
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
