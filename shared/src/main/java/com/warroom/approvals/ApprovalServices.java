package com.warroom.approvals;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.aws.Settings;
import com.warroom.topology.Topology;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** What every approval handler works with: the requests, the audit log (and its raw entries), the actions, the clock. */
public record ApprovalServices(ApprovalStore store, AuditLog audit, DynamoDbTable<AuditEntry> auditEntries,
                               ActionRegistry registry, Clock clock) {

    /** Over the tables named in the environment ({@code WARROOM_TABLE_APPROVALS}, {@code WARROOM_TABLE_AUDIT}). */
    public static ApprovalServices fromSettings(DynamoDbEnhancedClient dynamo, ActionRegistry registry, Clock clock) {
        String auditTable = Settings.require(Topology.AUDIT.envVar());
        return new ApprovalServices(new ApprovalStore(dynamo, Settings.require(Topology.APPROVALS.envVar())),
                AuditLog.fromSettings(dynamo, clock), dynamo.table(auditTable, AuditEntry.SCHEMA), registry, clock);
    }

    public String target(ApprovalRequest request) {
        return ApprovalAudit.target(request, registry);
    }
}
