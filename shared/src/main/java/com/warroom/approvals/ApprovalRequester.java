package com.warroom.approvals;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.seal.Sealer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * Records a new approval request, the one way every requesting route does it: the PENDING row, sealed over the seq
 * of its {@code approval.requested} audit entry ({@link RequestSeal}), put only if no request has its id, in the
 * same transaction as that entry. The entry records the request's id, action, payload, payload hash and expiry, by
 * the requester: what {@link ApprovalIntegrity} later compares the row with.
 */
public final class ApprovalRequester {

    private final DynamoDbTable<ApprovalRequest> table;
    private final Sealer sealer;

    public ApprovalRequester(DynamoDbTable<ApprovalRequest> table, Sealer sealer) {
        this.table = table;
        this.sealer = sealer;
    }

    /**
     * A request to record: {@code pending} as {@link ApprovalRequest#pending} made it for {@code requester}, and what
     * its audit entry records besides it: the {@code target} (the action's, so that the approval's history reads as
     * one), the domain state {@code before} as JSON text (null when there was none), and where the call came from.
     */
    public record NewRequest(ApprovalRequest pending, Caller requester, String target, String before, RequestOrigin origin) {
        public NewRequest {
            Objects.requireNonNull(pending, "pending");
            if (!requester.sub().equals(pending.requestedBy())) {
                throw new IllegalArgumentException("the request must be recorded by its requester");
            }
        }
    }

    /**
     * One attempt of the audit log's transaction: seals the request over {@code auditSeq} (one {@code GenerateMac}) and
     * writes it with its {@code approval.requested} entry; {@code result} gets the request as recorded.
     *
     * @throws com.warroom.seal.SealingUnavailable when no seal can be made: nothing is recorded
     */
    public <R> AuditedChange.Write<R> write(NewRequest request, long auditSeq, Function<ApprovalRequest, R> result) {
        ApprovalRequest sealed = RequestSeal.sealed(request.pending(), auditSeq, sealer);
        AuditDraft draft = new AuditDraft(request.requester(), ApprovalAudit.REQUESTED, request.target(), request.before(),
                Json.write(sealed.requestedState(Json.readTree(sealed.payload()))), sealed.reason(), request.origin());
        return new AuditedChange.Write<>(List.of(ApprovalStore.insert(table, sealed)), draft, entry -> result.apply(sealed));
    }
}
