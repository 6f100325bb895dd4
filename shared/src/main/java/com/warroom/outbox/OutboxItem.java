package com.warroom.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * One notification in the outbox and how its delivery went: PENDING (created or requeued, not yet delivered), SENT,
 * FAILED (retries used up), SUPPRESSED (its flag was off when it was due) or UNDELIVERABLE (no contact was given).
 * {@code subjectId} is the order's or the ticket's id, as {@code kind}'s subject says.
 */
public record OutboxItem(String id, NotificationKind kind, String subjectId, String status, int attempts,
                         Optional<String> lastError, Instant createdAt, Instant updatedAt) {
}
