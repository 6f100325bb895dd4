package com.warroom.config.api;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalRequester;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.approvals.actions.ConfigChangeAction;
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
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Asks for a config change: checks it against the config in force (a change that could not apply is
 * refused before anyone is asked to approve it), then writes a PENDING {@code CONFIG_CHANGE} approval
 * request over the canonical {@code {"kind","payload"}}, sealed, with its {@code approval.requested} audit entry
 * in one transaction ({@link ApprovalRequester}), and starts the approval workflow. Only the workflow's apply step
 * changes the config.
 */
final class ConfigChangeRequester {

    private final ConfigStore store;
    private final ApprovalRequester approvals;
    private final AuditLog audit;
    private final ApprovalWorkflowStarter workflow;
    private final Clock clock;

    /**
     * Sealing approval requests with the key this function's environment names ({@code WARROOM_KEY_SEALS_ID}): for a
     * caller that builds the requester from its settings and does not pass its sealer yet.
     */
    ConfigChangeRequester(ConfigStore store, DynamoDbTable<ApprovalRequest> approvals, Sealer sealer, AuditLog audit,
                          ApprovalWorkflowStarter workflow, Clock clock) {
        this(store, new ApprovalRequester(approvals, sealer), audit, workflow, clock);
    }

    private ConfigChangeRequester(ConfigStore store, ApprovalRequester approvals, AuditLog audit,
                                  ApprovalWorkflowStarter workflow, Clock clock) {
        this.store = store;
        this.approvals = approvals;
        this.audit = audit;
        this.workflow = workflow;
        this.clock = clock;
    }

    ConfigChangeOutcome request(ConfigChangeCommand command, Caller caller, RequestOrigin origin) {
        ConfigChangeOutcome outcome = audit.commit(auditSeq -> prepare(command, caller, origin, auditSeq));
        if (outcome instanceof ConfigChangeOutcome.Pending pending) {
            workflow.startRecorded(pending.request().id());
        }
        return outcome;
    }

    private AuditedChange.Attempt<ConfigChangeOutcome> prepare(ConfigChangeCommand command, Caller caller, RequestOrigin origin,
                                                               long auditSeq) {
        Optional<ConfigSnapshot> newest = store.newest();
        if (newest.isEmpty()) {
            return new AuditedChange.Refuse<>(new ConfigChangeOutcome.NotLoaded());
        }
        return switch (ConfigChangeParser.parse(command.kind(), command.payload(), ConfigStore.config(newest.get()),
                clock.instant())) {
            case ParsedChange.Invalid invalid -> new AuditedChange.Refuse<>(new ConfigChangeOutcome.Invalid(invalid.errors()));
            case ParsedChange.Valid valid -> approvals.write(newRequest(valid.change(), command.reason(), caller, origin,
                    newest.get()), auditSeq, ConfigChangeOutcome.Pending::new);
        };
    }

    private ApprovalRequester.NewRequest newRequest(ConfigChange change, String reason, Caller caller, RequestOrigin origin,
                                                    ConfigSnapshot current) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", change.kind());
        payload.put("payload", change.payload());
        ApprovalRequest request = ApprovalRequest.pending(UUID.randomUUID().toString(), ConfigChangeAction.NAME,
                Json.canonical(payload), caller, reason, now, Topology.APPROVAL.decisionTimeout());
        // the same target as every later entry of this approval (the registry's), so the request's history reads as one
        return new ApprovalRequester.NewRequest(request, caller, "config:" + change.kind(),
                Json.write(ConfigStore.summary(current)), origin);
    }
}
