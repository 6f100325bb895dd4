package com.warroom.support.tickets;

import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One append-only history item of a ticket: what happened ({@code kind}), who did it (a staff member, the platform for
 * the user, or the ticket keeper), when, and its details. Comments are kept under {@code comment#...}, everything else
 * under {@code event#...}; both sort by time.
 */
public record HistoryEntry(String ticketId, String item, Kind kind, String actor, Instant at, Optional<Visibility> visibility,
                           Map<String, String> detail) {

    public enum Kind {
        CREATED, COMMENT, PRIORITY, ASSIGNED, FOLLOW_UP, STATUS, LINKED, REPRODUCED, FIXED, EXP_GRANTED, CONFIRMED, AUTO_CLOSED
    }

    public HistoryEntry {
        detail = Map.copyOf(detail);
    }

    public static HistoryEntry event(String ticketId, Kind kind, String actor, Instant at, Map<String, String> detail) {
        return new HistoryEntry(ticketId, "event#" + SortableTime.format(at) + "#" + suffix(), kind, actor, at, Optional.empty(), detail);
    }

    public static HistoryEntry comment(String ticketId, String actor, Instant at, Visibility visibility, String body) {
        return new HistoryEntry(ticketId, "comment#" + SortableTime.format(at) + "#" + suffix(), Kind.COMMENT, actor, at,
                Optional.of(visibility), Map.of("body", body));
    }

    /** The one EXP_GRANTED item of a ticket: its key is the grant's, so recording it twice writes it once. */
    public static HistoryEntry expGranted(String ticketId, Ticket.Reward reward) {
        return new HistoryEntry(ticketId, "event#" + SortableTime.format(reward.grantedAt()) + "#exp", Kind.EXP_GRANTED, "ticket-desk",
                reward.grantedAt(), Optional.empty(),
                Map.of("exp", Long.toString(reward.exp()), "entryId", reward.entryId()));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", at.toString());
        view.put("kind", kind.name());
        view.put("actor", actor);
        view.put("visibility", visibility.map(Enum::name).orElse(null));
        view.put("detail", new java.util.TreeMap<>(detail));
        return view;
    }
}
