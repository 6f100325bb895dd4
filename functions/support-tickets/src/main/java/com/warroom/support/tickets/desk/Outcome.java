package com.warroom.support.tickets.desk;

import com.warroom.support.tickets.Ticket;

/** How a ticket operation went. */
public sealed interface Outcome {
    /** Written: the ticket as it is now. */
    record Done(Ticket ticket) implements Outcome {
    }

    /** Already so: nothing written. */
    record Unchanged(Ticket ticket) implements Outcome {
    }

    record NotFound(String ticketId) implements Outcome {
    }

    /** Refused by the ticket's state (409) or by what it refers to (422, naming {@code field}); nothing written. */
    record Refused(int status, String slug, String title, String detail, String field) implements Outcome {
        static Refused conflict(String slug, String title, String detail) {
            return new Refused(409, slug, title, detail, null);
        }
    }
}
