package com.warroom.support.tickets.store;

import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.HistoryEntry;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketLink;
import com.warroom.support.tickets.TicketStatus;
import com.warroom.support.tickets.TicketType;
import com.warroom.support.tickets.Visibility;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tickets and history entries as {@code tickets} items. Only the ticket item carries the index keys ({@code listKey},
 * {@code status}, {@code userId}, {@code assignee} when assigned, {@code priority}, {@code createdAt}); the lookup
 * reads
 * {@code ticketId}, {@code userId}, {@code type}, {@code title}, {@code status} and {@code createdAt} through byUser.
 */
final class TicketItems {

    static final String TICKET_ITEM = "ticket";
    static final String LIST_KEY = "ticket";

    private TicketItems() {
    }

    static Map<String, AttributeValue> item(Ticket t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("ticketId", s(t.ticketId()));
        item.put("item", s(TICKET_ITEM));
        item.put("listKey", s(LIST_KEY));
        Ticket.Report r = t.report();
        item.put("userId", s(r.userId()));
        item.put("type", s(r.type().name()));
        item.put("title", s(r.title()));
        item.put("body", s(r.body()));
        r.email().ifPresent(v -> item.put("email", s(v)));
        r.phone().ifPresent(v -> item.put("phone", s(v)));
        item.put("filedBy", s(r.filedBy()));
        item.put("createdAt", time(r.createdAt()));
        Ticket.Handling h = t.handling();
        item.put("status", s(h.status().name()));
        item.put("priority", s(h.priority().name()));
        h.assignee().ifPresent(v -> item.put("assignee", s(v)));
        item.put("followedUp", AttributeValue.fromBool(h.followedUp()));
        item.put("links", AttributeValue.fromL(h.links().stream().map(l -> s(l.text())).toList()));
        Ticket.Timeline tl = t.timeline();
        item.put("updatedAt", time(tl.updatedAt()));
        tl.firstResponseAt().ifPresent(v -> item.put("firstResponseAt", time(v)));
        tl.resolvedAt().ifPresent(v -> item.put("resolvedAt", time(v)));
        tl.closedAt().ifPresent(v -> item.put("closedAt", time(v)));
        tl.closedBy().ifPresent(v -> item.put("closedBy", s(v)));
        t.bug().reproduced().ifPresent(m -> putMark(item, "reproduced", m));
        t.bug().fixed().ifPresent(m -> putMark(item, "fixed", m));
        t.bug().reward().ifPresent(reward -> {
            item.put("expAmount", AttributeValue.fromN(Long.toString(reward.exp())));
            item.put("expEntryId", s(reward.entryId()));
            item.put("expGrantedAt", time(reward.grantedAt()));
        });
        t.csat().ifPresent(c -> {
            item.put("csatRating", AttributeValue.fromN(Integer.toString(c.rating())));
            c.comment().ifPresent(v -> item.put("csatComment", s(v)));
            item.put("csatAt", time(c.at()));
        });
        item.put("version", AttributeValue.fromN(Long.toString(t.version())));
        return item;
    }

    static Ticket ticket(Map<String, AttributeValue> item) {
        Ticket.Report report = new Ticket.Report(text(item, "userId").orElseThrow(), TicketType.valueOf(text(item, "type").orElseThrow()),
                text(item, "title").orElseThrow(), text(item, "body").orElse(""), text(item, "email"), text(item, "phone"),
                text(item, "filedBy").orElse(""), instant(item, "createdAt").orElseThrow());
        List<TicketLink> links = Optional.ofNullable(item.get("links")).map(AttributeValue::l).orElse(List.of()).stream()
                .map(v -> TicketLink.fromText(v.s())).toList();
        Ticket.Handling handling = new Ticket.Handling(TicketStatus.valueOf(text(item, "status").orElseThrow()),
                TicketPriority.valueOf(text(item, "priority").orElseThrow()), text(item, "assignee"),
                Optional.ofNullable(item.get("followedUp")).map(AttributeValue::bool).orElse(false), links);
        Ticket.Timeline timeline = new Ticket.Timeline(instant(item, "updatedAt").orElse(report.createdAt()),
                instant(item, "firstResponseAt"), instant(item, "resolvedAt"), instant(item, "closedAt"), text(item, "closedBy"));
        Optional<Ticket.Reward> reward = text(item, "expEntryId").map(entryId -> new Ticket.Reward(
                Long.parseLong(item.get("expAmount").n()), entryId, instant(item, "expGrantedAt").orElseThrow()));
        Ticket.BugMarks bug = new Ticket.BugMarks(mark(item, "reproduced"), mark(item, "fixed"), reward);
        Optional<Ticket.Csat> csat = Optional.ofNullable(item.get("csatRating")).map(v -> new Ticket.Csat(Integer.parseInt(v.n()),
                text(item, "csatComment"), instant(item, "csatAt").orElseThrow()));
        return new Ticket(text(item, "ticketId").orElseThrow(), report, handling, timeline, bug, csat,
                Long.parseLong(item.get("version").n()));
    }

    /** A history item, stamped with the version of the ticket write it came with: the history's order. */
    static Map<String, AttributeValue> item(HistoryEntry e, long ticketVersion) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("ticketVersion", AttributeValue.fromN(Long.toString(ticketVersion)));
        item.put("ticketId", s(e.ticketId()));
        item.put("item", s(e.item()));
        item.put("kind", s(e.kind().name()));
        item.put("actor", s(e.actor()));
        item.put("at", time(e.at()));
        e.visibility().ifPresent(v -> item.put("visibility", s(v.name())));
        item.put("detail", s(Json.write(new LinkedHashMap<>(e.detail()))));
        return item;
    }

    @SuppressWarnings("unchecked")
    static HistoryEntry history(Map<String, AttributeValue> item) {
        Map<String, String> detail = Json.read(text(item, "detail").orElse("{}"), LinkedHashMap.class);
        return new HistoryEntry(item.get("ticketId").s(), item.get("item").s(), HistoryEntry.Kind.valueOf(item.get("kind").s()),
                item.get("actor").s(), instant(item, "at").orElseThrow(), text(item, "visibility").map(Visibility::valueOf), detail);
    }

    private static void putMark(Map<String, AttributeValue> item, String prefix, Ticket.Mark mark) {
        item.put(prefix + "By", s(mark.by()));
        item.put(prefix + "At", time(mark.at()));
        mark.note().ifPresent(v -> item.put(prefix + "Note", s(v)));
    }

    private static Optional<Ticket.Mark> mark(Map<String, AttributeValue> item, String prefix) {
        return instant(item, prefix + "At").map(at -> new Ticket.Mark(text(item, prefix + "By").orElse(""), at, text(item, prefix + "Note")));
    }

    static AttributeValue time(Instant at) {
        return s(SortableTime.format(at));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return text(item, name).map(Instant::parse);
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

}
