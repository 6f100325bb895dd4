package com.warroom.support;

import java.util.Objects;
import java.util.Optional;

/**
 * The EXP a fixed BUG ticket earns its reporter: the ticket, the reporter, the ticket's priority (which sets the amount
 * under the config in force) and where the notice goes (an email address, else a phone for WhatsApp; neither is allowed:
 * the notice is then kept as undeliverable).
 */
public record ExpAward(String ticketId, String userId, TicketPriority priority, Optional<String> email, Optional<String> phone) {

    public ExpAward {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }
}
