package com.warroom.support.tickets.desk;

import com.warroom.support.tickets.TicketType;
import java.util.Optional;

/** A ticket as filed: checked by the route (lengths, formats) before it gets here. */
public record NewTicket(String userId, TicketType type, String title, String body, Optional<String> email, Optional<String> phone) {
}
