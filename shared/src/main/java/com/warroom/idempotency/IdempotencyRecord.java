package com.warroom.idempotency;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The record of the first request with an idempotency key: its {@link Fingerprint}, whether it is still running, and
 * once it is answered the answer ({@code responseStatus}, {@code responseHeaders}, {@code responseBody}; absent while
 * {@code IN_PROGRESS}). {@code expiresAt} (epoch seconds) is the table's TTL attribute: DynamoDB deletes the record
 * some time after it, and until then an expired record may be claimed again.
 */
public record IdempotencyRecord(String key, String fingerprint, RequestStatus status, Integer responseStatus,
                                Map<String, String> responseHeaders, String responseBody, String createdAt,
                                long expiresAt) {

    public static final TableSchema<IdempotencyRecord> SCHEMA = StaticImmutableTableSchema.builder(IdempotencyRecord.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("key").getter(IdempotencyRecord::key).setter(Builder::key).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("fingerprint").getter(IdempotencyRecord::fingerprint).setter(Builder::fingerprint))
            .addAttribute(String.class, a -> a.name("status").getter(r -> r.status().name()).setter(Builder::status))
            .addAttribute(Integer.class, a -> a.name("responseStatus").getter(IdempotencyRecord::responseStatus).setter(Builder::responseStatus))
            .addAttribute(EnhancedType.mapOf(String.class, String.class),
                    a -> a.name("responseHeaders").getter(IdempotencyRecord::responseHeaders).setter(Builder::responseHeaders))
            .addAttribute(String.class, a -> a.name("responseBody").getter(IdempotencyRecord::responseBody).setter(Builder::responseBody))
            .addAttribute(String.class, a -> a.name("createdAt").getter(IdempotencyRecord::createdAt).setter(Builder::createdAt))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(IdempotencyRecord::expiresAt).setter(Builder::expiresAt))
            .build();

    /** A claim: the request with this key is running from {@code now}, and the key is kept until {@code expiresAt}. */
    static IdempotencyRecord inProgress(String key, Fingerprint fingerprint, Instant now, Instant expiresAt) {
        return new IdempotencyRecord(key, fingerprint.hex(), RequestStatus.IN_PROGRESS, null, null, null, now.toString(),
                expiresAt.getEpochSecond());
    }

    IdempotencyRecord completedWith(StoredResponse response) {
        return new IdempotencyRecord(key, fingerprint, RequestStatus.COMPLETED, response.status(), response.headers(),
                response.body(), createdAt, expiresAt);
    }

    /** The stored answer of a completed request. */
    public Optional<StoredResponse> response() {
        return status == RequestStatus.COMPLETED
                ? Optional.of(new StoredResponse(responseStatus, responseHeaders == null ? Map.of() : responseHeaders, responseBody))
                : Optional.empty();
    }

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String key;
        private String fingerprint;
        private RequestStatus status;
        private Integer responseStatus;
        private Map<String, String> responseHeaders;
        private String responseBody;
        private String createdAt;
        private long expiresAt;

        public Builder key(String v) { key = v; return this; }
        public Builder fingerprint(String v) { fingerprint = v; return this; }
        public Builder status(String v) { status = RequestStatus.valueOf(v); return this; }
        public Builder responseStatus(Integer v) { responseStatus = v; return this; }
        public Builder responseHeaders(Map<String, String> v) { responseHeaders = v; return this; }
        public Builder responseBody(String v) { responseBody = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder expiresAt(Long v) { expiresAt = v == null ? 0 : v; return this; }

        public IdempotencyRecord build() {
            return new IdempotencyRecord(key, fingerprint, status, responseStatus, responseHeaders, responseBody, createdAt, expiresAt);
        }
    }
}
