package com.warroom.config.api;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigChange;
import com.warroom.config.ConfigChangeParser;
import com.warroom.config.ConfigSnapshot;
import com.warroom.config.ConfigStore;
import com.warroom.config.ParsedChange;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Asks for a config change: checks it against the config in force (a change that could not apply is
 * refused before anyone is asked to approve it), then writes a PENDING {@code CONFIG_CHANGE} approval
 * request over the canonical {@code {"kind","payload"}} with its {@code approval.requested} audit entry
 * in one transaction, and starts the approval workflow. Only the workflow's apply step changes the config.
 */
final class ConfigChangeRequester {

    private final ConfigStore store;
    private final DynamoDbTable<ApprovalRequest> approvals;
    private final AuditLog audit;
    private final ApprovalWorkflowStarter workflow;
    private final Clock clock;

    ConfigChangeRequester(ConfigStore store, DynamoDbTable<ApprovalRequest> approvals, AuditLog audit,
                          ApprovalWorkflowStarter workflow, Clock clock) {
        this.store = store;
        this.approvals = approvals;
        this.audit = audit;
        this.workflow = workflow;
        this.clock = clock;
    }

    ConfigChangeOutcome request(ConfigChangeCommand command, Caller caller, RequestOrigin origin) {
        ConfigChangeOutcome outcome = audit.commit(auditSeq -> prepare(command, caller, origin));
        if (outcome instanceof ConfigChangeOutcome.Pending pending) {
            workflow.startRecorded(pending.request().id());
        }
        return outcome;
    }

    private AuditedChange.Attempt<ConfigChangeOutcome> prepare(ConfigChangeCommand command, Caller caller, RequestOrigin origin) {
        Optional<ConfigSnapshot> newest = store.newest();
        if (newest.isEmpty()) {
            return new AuditedChange.Refuse<>(new ConfigChangeOutcome.NotLoaded());
        }
        return switch (ConfigChangeParser.parse(command.kind(), command.payload(), ConfigStore.config(newest.get()))) {
            case ParsedChange.Invalid invalid -> new AuditedChange.Refuse<>(new ConfigChangeOutcome.Invalid(invalid.errors()));
            case ParsedChange.Valid valid -> requestApproval(valid.change(), command.reason(), caller, origin, newest.get());
        };
    }

    private AuditedChange.Attempt<ConfigChangeOutcome> requestApproval(ConfigChange change, String reason, Caller caller,
                                                                       RequestOrigin origin, ConfigSnapshot current) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", change.kind());
        payload.put("payload", change.payload());
        ApprovalRequest request = ApprovalRequest.pending(UUID.randomUUID().toString(), ConfigChangeAction.NAME,
                Json.canonical(payload), caller, reason, now, Topology.APPROVAL.decisionTimeout());
        // the same target as every later entry of this approval (the registry's), so the request's history reads as one
        AuditDraft draft = new AuditDraft(caller, "approval.requested", "config:" + change.kind(),
                Json.write(ConfigStore.summary(current)), Json.write(request.requestedState(payload)), reason, origin);
        return new AuditedChange.Write<>(List.of(ApprovalStore.insert(approvals, request)), draft,
                entry -> new ConfigChangeOutcome.Pending(request));
    }
}
