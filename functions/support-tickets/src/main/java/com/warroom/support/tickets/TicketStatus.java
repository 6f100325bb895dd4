package com.warroom.support.tickets;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a ticket is. Staff move OPEN → IN_PROGRESS → RESOLVED and may reopen a RESOLVED ticket (→ IN_PROGRESS, with a
 * note); only the user's confirmation or the ticket keeper (7 days after RESOLVED) moves RESOLVED → CLOSED, and CLOSED
 * is final: a problem that comes back is a new ticket.
 */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    RESOLVED,
    CLOSED;

    public static Optional<TicketStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether staff may move a ticket from this status to {@code next} through the status route. */
    public boolean staffMayMoveTo(TicketStatus next) {
        return switch (this) {
            case OPEN -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == RESOLVED;
            case RESOLVED -> next == IN_PROGRESS;
            case CLOSED -> false;
        };
    }
}
