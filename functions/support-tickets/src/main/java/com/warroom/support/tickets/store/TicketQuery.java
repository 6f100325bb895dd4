package com.warroom.support.tickets.store;

import com.warroom.payments.SortableTime;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.TicketStatus;
import com.warroom.support.tickets.TicketType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A listing of the ticket queue: the filters (each optional, all must hold), the order, the page size. {@code from} is
 * inclusive and {@code to} exclusive, on the creation time.
 */
public record TicketQuery(Filters filters, Sort sort, int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 25;

    public record Filters(Optional<TicketStatus> status, Optional<TicketType> type, Optional<TicketPriority> priority,
                          Optional<String> assignee, Optional<Boolean> followedUp, Optional<String> userId,
                          Optional<Instant> from, Optional<Instant> to) {
        public static Filters none() {
            return new Filters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The filters as one canonical text: a cursor is good only for the listing that made it. */
        String canonical() {
            return String.join("|", status.map(Enum::name).orElse(""), type.map(Enum::name).orElse(""),
                    priority.map(Enum::name).orElse(""), assignee.orElse(""), followedUp.map(String::valueOf).orElse(""),
                    userId.orElse(""), from.map(SortableTime::format).orElse(""), to.map(SortableTime::format).orElse(""));
        }
    }

    /**
     * The orders the queue offers: by creation (oldest or newest first), or by priority (most or least urgent first,
     * newest first within one).
     */
    public enum Sort {
        CREATED_OLDEST_FIRST("createdAt"),
        CREATED_NEWEST_FIRST("-createdAt"),
        MOST_URGENT_FIRST("priority"),
        LEAST_URGENT_FIRST("-priority");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Sort> parse(String text) {
            return Arrays.stream(values()).filter(s -> s.wire.equals(text)).findFirst();
        }

        boolean byPriority() {
            return this == MOST_URGENT_FIRST || this == LEAST_URGENT_FIRST;
        }
    }

    public TicketQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit);
        }
    }
}
