package com.warroom.support;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The EXP a fixed BUG ticket earns its reporter: the ticket, the reporter, the ticket's priority (which sets the amount
 * under the config in force) and where the notice goes (an email address, else a phone for WhatsApp; with neither the
 * notice is kept, undeliverable).
 *
 * <p>{@code ticketId} is 1 to 100 of {@code [A-Za-z0-9._-]} and {@code userId} 1 to 100 of {@code [A-Za-z0-9._@-]}, so
 * that both fit the ledger's entry ids and account names ({@code exp-reward:<ticketId>}, {@code exp:<userId>}).
 */
public record ExpAward(String ticketId, String userId, TicketPriority priority, Optional<String> email, Optional<String> phone) {

    private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    public ExpAward {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        if (ticketId == null || !TICKET_ID.matcher(ticketId).matches()) {
            throw new IllegalArgumentException("a ticket id is 1 to 100 of [A-Za-z0-9._-]: " + ticketId);
        }
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("a user id that EXP can be booked to is 1 to 100 of [A-Za-z0-9._@-]: " + userId);
        }
    }
}
