package com.warroom.approvals;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A request for a second person to approve an action that touches funds. It is bound to the exact
 * payload through {@code payloadHash} (SHA-256 of the canonical payload JSON).
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
        long version) {

    public static final String PENDING = "PENDING";

    public ApprovalRequest {
        requestedByRoles = requestedByRoles == null ? List.of() : List.copyOf(requestedByRoles);
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
            .build();

    /** The enhanced client's way to build an immutable item. */
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

        public Builder id(String v) { id = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder payload(String v) { payload = v; return this; }
        public Builder payloadHash(String v) { payloadHash = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder requestedBy(String v) { requestedBy = v; return this; }
        public Builder requestedByEmail(String v) { requestedByEmail = v; return this; }
        public Builder requestedByRoles(List<String> v) { requestedByRoles = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder requestedAt(String v) { requestedAt = v; return this; }
        public Builder expiresAt(String v) { expiresAt = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }

        public ApprovalRequest build() {
            return new ApprovalRequest(id, action, payload, payloadHash, status, requestedBy, requestedByEmail,
                    requestedByRoles, reason, requestedAt, expiresAt, version);
        }
    }
}
