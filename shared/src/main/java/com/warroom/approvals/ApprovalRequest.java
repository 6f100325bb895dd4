package com.warroom.approvals;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.warroom.audit.AuditHasher;
import com.warroom.http.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A request for a second person to approve an action that touches funds. It is bound to the exact
 * payload through {@code payloadHash} (SHA-256 of the canonical payload JSON); the approver approves
 * that hash ({@code approvedHash}) and the apply step applies only a payload with that hash.
 *
 * <p>Written by the requesting route (PENDING, version 1), then by the approval workflow and the
 * decision route, each write conditional on the status and version it read:
 * <ul>
 *   <li>{@code workflowStartedAt} — the workflow's RecordRequest step took the request on;
 *   <li>{@code taskToken}, {@code awaitingSince} — the waiting task's Step Functions token, kept so the decision
 *       route can complete the wait. Never shown in API answers, audit entries or notices;
 *   <li>{@code decidedBy}, {@code decidedByEmail}, {@code decidedByRoles}, {@code decidedAt}, {@code decisionNote}
 *       — who decided, with which roles, when, and the approver's comment or the rejecter's reason;
 *   <li>{@code approvedHash} — the payload hash the approver approved (null unless approved);
 *   <li>{@code decisionAuditSeq} — the audit entry of the decision, which the apply step checks against the table;
 *   <li>{@code outcome}, {@code appliedAt} — what applying did, or why the request failed or expired;
 *   <li>{@code closedAt} — the workflow recorded its outcome: the request is final;
 *   <li>{@code auditSeq} — the audit entry of the latest change;
 *   <li>{@code requestSeal} (attributes {@code requestAuditSeq}, {@code requestMac}, {@code requestKeyId}) — made once
 *       by the requesting route and never changed: see {@link RequestSeal}. The decision route and the apply step
 *       refuse a request whose seal is missing or does not verify ({@link ApprovalIntegrity}).
 * </ul>
 * {@code status} holds an {@link ApprovalStatus} name.
 */
public record ApprovalRequest(
        String id,
        String action,
        String payload,
        String payloadHash,
        String status,
        String requestedBy,
        String requestedByEmail,
        List<String> requestedByRoles,
        String reason,
        String requestedAt,
        String expiresAt,
        long version,
        String workflowStartedAt,
        String taskToken,
        String awaitingSince,
        String decidedBy,
        String decidedByEmail,
        List<String> decidedByRoles,
        String decisionNote,
        String decidedAt,
        String approvedHash,
        Long decisionAuditSeq,
        String outcome,
        String appliedAt,
        String closedAt,
        long auditSeq,
        RequestSeal requestSeal) {

    public static final String PENDING = ApprovalStatus.PENDING.name();

    /** An approval id: also the Step Functions execution name, so at most 80 letters, digits, '-' or '_'. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    public static final String ID_RULE = "must be 1 to 80 letters, digits, '-' or '_'";

    public ApprovalRequest {
        requestedByRoles = requestedByRoles == null ? List.of() : List.copyOf(requestedByRoles);
        decidedByRoles = decidedByRoles == null ? List.of() : List.copyOf(decidedByRoles);
    }

    /** A request as the requesting route records it, before any workflow step has seen it. */
    public ApprovalRequest(String id, String action, String payload, String payloadHash, String status, String requestedBy,
                           String requestedByEmail, List<String> requestedByRoles, String reason, String requestedAt,
                           String expiresAt, long version) {
        this(id, action, payload, payloadHash, status, requestedBy, requestedByEmail, requestedByRoles, reason, requestedAt,
                expiresAt, version, null, null, null, null, null, List.of(), null, null, null, null, null, null, null, 0, null);
    }

    /** A new PENDING request for {@code action} over the canonical payload, expiring after {@code ttl}. */
    public static ApprovalRequest pending(String id, String action, String canonicalPayload, Caller requester,
                                          String reason, Instant now, Duration ttl) {
        return new ApprovalRequest(id, action, canonicalPayload, AuditHasher.sha256Hex(canonicalPayload), PENDING,
                requester.sub(), requester.email(), requester.roleNames(), reason, now.toString(),
                now.plus(ttl).toString(), 1);
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public Optional<ApprovalStatus> statusValue() {
        return ApprovalStatus.parse(status);
    }

    /** What the route that recorded the request answers (202): enough to find, read and approve it. */
    public Map<String, Object> receipt() {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("approvalId", id);
        receipt.put("status", status);
        receipt.put("action", action);
        receipt.put("payloadHash", payloadHash);
        receipt.put("expiresAt", expiresAt);
        return receipt;
    }

    /** The request as its {@code approval.requested} audit entry records it, with the payload as JSON. */
    public Map<String, Object> requestedState(Object payloadJson) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("approvalId", id);
        state.put("action", action);
        state.put("status", status);
        state.put("payload", payloadJson);
        state.put("payloadHash", payloadHash);
        state.put("expiresAt", expiresAt);
        return state;
    }

    public boolean hasStatus(ApprovalStatus expected) {
        return expected.name().equals(status);
    }

    /** The stored payload still hashes to the stored {@code payloadHash}. */
    public boolean payloadIntact() {
        return payload != null && payloadHash != null && AuditHasher.sha256Hex(payload).equals(payloadHash);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /**
     * What of the stored row cannot be read, or empty when all of it can: the times the code parses must be
     * ISO-8601 instants. A row edited outside the functions can break this; readers show such a row as
     * unreadable instead of failing on it.
     */
    public Optional<String> defect() {
        Map<String, String> times = new LinkedHashMap<>();
        times.put("requestedAt", requestedAt);
        times.put("expiresAt", expiresAt);
        times.put("decidedAt", decidedAt);
        return times.entrySet().stream().filter(time -> time.getValue() != null && !isInstant(time.getValue()))
                .findFirst().map(time -> "its " + time.getKey() + " is not an ISO-8601 time");
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public boolean expiredAt(Instant now) {
        return expiresAt == null || !now.isBefore(Instant.parse(expiresAt));
    }

    public Builder toBuilder() {
        return new Builder().id(id).action(action).payload(payload).payloadHash(payloadHash).status(status)
                .requestedBy(requestedBy).requestedByEmail(requestedByEmail).requestedByRoles(requestedByRoles)
                .reason(reason).requestedAt(requestedAt).expiresAt(expiresAt).version(version)
                .workflowStartedAt(workflowStartedAt).taskToken(taskToken).awaitingSince(awaitingSince)
                .decidedBy(decidedBy).decidedByEmail(decidedByEmail).decidedByRoles(decidedByRoles)
                .decisionNote(decisionNote).decidedAt(decidedAt).approvedHash(approvedHash)
                .decisionAuditSeq(decisionAuditSeq).outcome(outcome).appliedAt(appliedAt).closedAt(closedAt)
                .auditSeq(auditSeq).requestSeal(requestSeal);
    }

    /** The next version of this request: same content, version + 1, pointing at the audit entry that makes it. */
    public Builder next(long auditSeq) {
        return toBuilder().version(version + 1).auditSeq(auditSeq);
    }

    public static final TableSchema<ApprovalRequest> SCHEMA = StaticImmutableTableSchema.builder(ApprovalRequest.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("id").getter(ApprovalRequest::id).setter(Builder::id).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("action").getter(ApprovalRequest::action).setter(Builder::action))
            .addAttribute(String.class, a -> a.name("payload").getter(ApprovalRequest::payload).setter(Builder::payload))
            .addAttribute(String.class, a -> a.name("payloadHash").getter(ApprovalRequest::payloadHash).setter(Builder::payloadHash))
            .addAttribute(String.class, a -> a.name("status").getter(ApprovalRequest::status).setter(Builder::status)
                    .tags(secondaryPartitionKey("byStatus")))
            .addAttribute(String.class, a -> a.name("requestedBy").getter(ApprovalRequest::requestedBy).setter(Builder::requestedBy))
            .addAttribute(String.class, a -> a.name("requestedByEmail").getter(ApprovalRequest::requestedByEmail).setter(Builder::requestedByEmail))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("requestedByRoles").getter(ApprovalRequest::requestedByRoles).setter(Builder::requestedByRoles))
            .addAttribute(String.class, a -> a.name("reason").getter(ApprovalRequest::reason).setter(Builder::reason))
            .addAttribute(String.class, a -> a.name("requestedAt").getter(ApprovalRequest::requestedAt).setter(Builder::requestedAt)
                    .tags(secondarySortKey("byStatus")))
            .addAttribute(String.class, a -> a.name("expiresAt").getter(ApprovalRequest::expiresAt).setter(Builder::expiresAt))
            .addAttribute(Long.class, a -> a.name("version").getter(ApprovalRequest::version).setter(Builder::version))
            .addAttribute(String.class, a -> a.name("workflowStartedAt").getter(ApprovalRequest::workflowStartedAt).setter(Builder::workflowStartedAt))
            .addAttribute(String.class, a -> a.name("taskToken").getter(ApprovalRequest::taskToken).setter(Builder::taskToken))
            .addAttribute(String.class, a -> a.name("awaitingSince").getter(ApprovalRequest::awaitingSince).setter(Builder::awaitingSince))
            .addAttribute(String.class, a -> a.name("decidedBy").getter(ApprovalRequest::decidedBy).setter(Builder::decidedBy))
            .addAttribute(String.class, a -> a.name("decidedByEmail").getter(ApprovalRequest::decidedByEmail).setter(Builder::decidedByEmail))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("decidedByRoles").getter(ApprovalRequest::decidedByRoles).setter(Builder::decidedByRoles))
            .addAttribute(String.class, a -> a.name("decisionNote").getter(ApprovalRequest::decisionNote).setter(Builder::decisionNote))
            .addAttribute(String.class, a -> a.name("decidedAt").getter(ApprovalRequest::decidedAt).setter(Builder::decidedAt))
            .addAttribute(String.class, a -> a.name("approvedHash").getter(ApprovalRequest::approvedHash).setter(Builder::approvedHash))
            .addAttribute(Long.class, a -> a.name("decisionAuditSeq").getter(ApprovalRequest::decisionAuditSeq).setter(Builder::decisionAuditSeq))
            .addAttribute(String.class, a -> a.name("outcome").getter(ApprovalRequest::outcome).setter(Builder::outcome))
            .addAttribute(String.class, a -> a.name("appliedAt").getter(ApprovalRequest::appliedAt).setter(Builder::appliedAt))
            .addAttribute(String.class, a -> a.name("closedAt").getter(ApprovalRequest::closedAt).setter(Builder::closedAt))
            .addAttribute(Long.class, a -> a.name("auditSeq").getter(ApprovalRequest::auditSeq).setter(Builder::auditSeq))
            .addAttribute(Long.class, a -> a.name("requestAuditSeq").getter(r -> r.requestSeal() == null ? null : r.requestSeal().auditSeq())
                    .setter(Builder::requestAuditSeq))
            .addAttribute(String.class, a -> a.name("requestMac").getter(r -> r.requestSeal() == null ? null : r.requestSeal().mac())
                    .setter(Builder::requestMac))
            .addAttribute(String.class, a -> a.name("requestKeyId").getter(r -> r.requestSeal() == null ? null : r.requestSeal().keyId())
                    .setter(Builder::requestKeyId))
            .build();

    /** The enhanced client's way to build an immutable item, and the way to derive a changed request. */
    public static final class Builder {
        private String id;
        private String action;
        private String payload;
        private String payloadHash;
        private String status;
        private String requestedBy;
        private String requestedByEmail;
        private List<String> requestedByRoles;
        private String reason;
        private String requestedAt;
        private String expiresAt;
        private long version;
        private String workflowStartedAt;
        private String taskToken;
        private String awaitingSince;
        private String decidedBy;
        private String decidedByEmail;
        private List<String> decidedByRoles;
        private String decisionNote;
        private String decidedAt;
        private String approvedHash;
        private Long decisionAuditSeq;
        private String outcome;
        private String appliedAt;
        private String closedAt;
        private long auditSeq;
        private Long requestAuditSeq;
        private String requestMac;
        private String requestKeyId;

        public Builder id(String v) { id = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder payload(String v) { payload = v; return this; }
        public Builder payloadHash(String v) { payloadHash = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder status(ApprovalStatus v) { status = v.name(); return this; }
        public Builder requestedBy(String v) { requestedBy = v; return this; }
        public Builder requestedByEmail(String v) { requestedByEmail = v; return this; }
        public Builder requestedByRoles(List<String> v) { requestedByRoles = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder requestedAt(String v) { requestedAt = v; return this; }
        public Builder expiresAt(String v) { expiresAt = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder workflowStartedAt(String v) { workflowStartedAt = v; return this; }
        public Builder taskToken(String v) { taskToken = v; return this; }
        public Builder awaitingSince(String v) { awaitingSince = v; return this; }
        public Builder decidedBy(String v) { decidedBy = v; return this; }
        public Builder decidedByEmail(String v) { decidedByEmail = v; return this; }
        public Builder decidedByRoles(List<String> v) { decidedByRoles = v; return this; }
        public Builder decisionNote(String v) { decisionNote = v; return this; }
        public Builder decidedAt(String v) { decidedAt = v; return this; }
        public Builder approvedHash(String v) { approvedHash = v; return this; }
        public Builder decisionAuditSeq(Long v) { decisionAuditSeq = v; return this; }
        public Builder outcome(String v) { outcome = v; return this; }
        public Builder appliedAt(String v) { appliedAt = v; return this; }
        public Builder closedAt(String v) { closedAt = v; return this; }
        public Builder auditSeq(Long v) { auditSeq = v == null ? 0 : v; return this; }
        public Builder requestAuditSeq(Long v) { requestAuditSeq = v; return this; }
        public Builder requestMac(String v) { requestMac = v; return this; }
        public Builder requestKeyId(String v) { requestKeyId = v; return this; }

        public Builder requestSeal(RequestSeal v) {
            requestAuditSeq = v == null ? null : v.auditSeq();
            requestMac = v == null ? null : v.mac();
            requestKeyId = v == null ? null : v.keyId();
            return this;
        }

        public ApprovalRequest build() {
            return new ApprovalRequest(id, action, payload, payloadHash, status, requestedBy, requestedByEmail,
                    requestedByRoles, reason, requestedAt, expiresAt, version, workflowStartedAt, taskToken, awaitingSince,
                    decidedBy, decidedByEmail, decidedByRoles, decisionNote, decidedAt, approvedHash, decisionAuditSeq,
                    outcome, appliedAt, closedAt, auditSeq,
                    requestAuditSeq == null && requestMac == null && requestKeyId == null
                            ? null : new RequestSeal(requestAuditSeq, requestMac, requestKeyId));
        }
    }
}
