package com.warroom.outbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an outbox item's delivery stands. PENDING waits for the sender (created, retried or requeued); SENDING is
 * claimed by one sender; the other four are final until a person requeues a FAILED one.
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    /** The provider refused it for good, or every receive of its message failed: a person may requeue it. */
    FAILED,
    /** Its kind's flag was off when it was due (reminders while {@code notification.reminder} is disabled). */
    SUPPRESSED,
    /** The order named no contact the enabled channels can reach. */
    UNDELIVERABLE;

    public static Optional<OutboxStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst();
    }

    /** The names, for error messages: {@code PENDING, SENDING, ...}. */
    public static String catalogue() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
