package com.warroom.approvals;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.aws.Settings;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;

/**
 * What every approval handler works with: the requests, the audit log (and its raw entries), the actions, the clock,
 * and the sealer that checks the requests' seals.
 */
public record ApprovalServices(ApprovalStore store, AuditLog audit, DynamoDbTable<AuditEntry> auditEntries,
                               ActionRegistry registry, Clock clock, Sealer sealer) {

    /**
     * Over the tables named in the environment ({@code WARROOM_TABLE_APPROVALS}, {@code WARROOM_TABLE_AUDIT}), sealing
     * with the key it names ({@code WARROOM_KEY_SEALS_ID}).
     */
    public static ApprovalServices fromSettings(DynamoDbEnhancedClient dynamo, ActionRegistry registry, Clock clock) {
        String auditTable = Settings.require(Topology.AUDIT.envVar());
        Sealer sealer = KmsSealer.forKey(Topology.SEALS);
        return new ApprovalServices(new ApprovalStore(dynamo, Settings.require(Topology.APPROVALS.envVar())),
                new AuditLog(dynamo, auditTable, sealer, clock), dynamo.table(auditTable, AuditEntry.SCHEMA), registry, clock,
                sealer);
    }

    public String target(ApprovalRequest request) {
        return ApprovalAudit.target(request, registry);
    }

    /** The audit entry of the main chain at {@code seq}, read strongly consistent. */
    public Optional<AuditEntry> auditEntry(long seq) {
        return Optional.ofNullable(auditEntries.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(seq).build())
                .consistentRead(true)
                .build()));
    }

    /** The check of a request against its seal and its {@code approval.requested} entry. */
    public ApprovalIntegrity integrity() {
        return new ApprovalIntegrity(sealer, this::auditEntry);
    }
}
