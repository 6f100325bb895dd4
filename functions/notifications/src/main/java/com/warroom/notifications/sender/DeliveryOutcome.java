package com.warroom.notifications.sender;

import com.warroom.outbox.OutboxStatus;

/** What handling one notifications message did to its outbox item. */
public sealed interface DeliveryOutcome {

    /** The provider took it: SENT. */
    record Sent(String outboxId, String providerId) implements DeliveryOutcome {
    }

    /** Nothing to do: the item is already {@code status} (sent, failed, suppressed or undeliverable). */
    record AlreadySettled(String outboxId, OutboxStatus status) implements DeliveryOutcome {
    }

    /** Final without a try: SUPPRESSED (its flag is off) or UNDELIVERABLE (no channel reaches the user). */
    record NotSent(String outboxId, OutboxStatus status, String why) implements DeliveryOutcome {
    }

    /** The provider refused it for good, or this was the message's last receive: FAILED. */
    record Failed(String outboxId, String error) implements DeliveryOutcome {
    }

    /** No outbox item has this id: nothing to send, and nothing another try would change. */
    record UnknownItem(String outboxId) implements DeliveryOutcome {
    }
}
