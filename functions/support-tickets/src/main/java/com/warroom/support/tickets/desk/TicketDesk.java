package com.warroom.support.tickets.desk;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.HistoryEntry;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketLink;
import com.warroom.support.tickets.TicketStatus;
import com.warroom.support.tickets.TicketType;
import com.warroom.support.tickets.Visibility;
import com.warroom.support.tickets.store.TicketStore;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket operations: filing, the staff changes (each written with its history item and its audit entry in one
 * transaction, conditional on the version it was decided from), the bug marks with the EXP grant, and the user's
 * confirmation. A CLOSED ticket takes no change at all.
 */
public final class TicketDesk {

    public static final String AUDIT_TARGET_PREFIX = "support-ticket:";
    private static final Logger LOG = LoggerFactory.getLogger(TicketDesk.class);

    private final TicketStore store;
    private final AuditLog audit;
    private final LinkTargets linkTargets;
    private final RewardRecorder rewards;
    private final Clock clock;

    public TicketDesk(TicketStore store, AuditLog audit, LinkTargets linkTargets, RewardRecorder rewards, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.linkTargets = linkTargets;
        this.rewards = rewards;
        this.clock = clock;
    }

    /** Files a ticket: audited when support files it (a staff action), not when the platform files it for its user. */
    public Ticket file(NewTicket filed, Caller caller, RequestOrigin origin) {
        Instant now = SortableTime.now(clock);
        Ticket ticket = Ticket.filed(Ticket.newId(), new Ticket.Report(filed.userId(), filed.type(), filed.title(), filed.body(),
                filed.email(), filed.phone(), caller.sub(), now));
        HistoryEntry created = HistoryEntry.event(ticket.ticketId(), HistoryEntry.Kind.CREATED, caller.sub(), now,
                Map.of("type", filed.type().name(), "userId", filed.userId()));
        if (!caller.roles().contains(Role.SUPPORT)) {
            store.create(ticket, created);
            return ticket;
        }
        return audit.commit(seq -> new AuditedChange.Write<>(store.writes(Optional.empty(), ticket, List.of(created)),
                new AuditDraft(caller, "support.ticket.create", AUDIT_TARGET_PREFIX + ticket.ticketId(), null,
                        Json.write(auditView(ticket)), "filed for user " + filed.userId(), new RequestOrigin(origin.requestId(), origin.sourceIp())),
                entry -> ticket));
    }

    public Outcome setPriority(String ticketId, TicketPriority priority, Staff staff) {
        return change(ticketId, staff, "support.ticket.priority", current -> {
            if (current.handling().priority() == priority) {
                return new Decision.Keep();
            }
            return new Decision.Apply(current.withPriority(priority, staff.now()), List.of(staff.event(ticketId, HistoryEntry.Kind.PRIORITY,
                    Map.of("from", current.handling().priority().name(), "to", priority.name()))), "priority " + priority);
        });
    }

    public Outcome assign(String ticketId, Optional<String> assignee, Staff staff) {
        return change(ticketId, staff, "support.ticket.assign", current -> {
            if (current.handling().assignee().equals(assignee)) {
                return new Decision.Keep();
            }
            return new Decision.Apply(current.withAssignee(assignee, staff.now()), List.of(staff.event(ticketId, HistoryEntry.Kind.ASSIGNED,
                    Map.of("from", current.handling().assignee().orElse(""), "to", assignee.orElse("")))),
                    assignee.map(a -> "assigned to " + a).orElse("unassigned"));
        });
    }

    public Outcome comment(String ticketId, Visibility visibility, String body, Staff staff) {
        return change(ticketId, staff, "support.ticket.comment", current -> {
            Ticket next = current.touchedOnly(staff.now());
            if (visibility == Visibility.USER) {
                next = next.respondedAt(staff.now());
            }
            return new Decision.Apply(next, List.of(HistoryEntry.comment(ticketId, staff.caller().sub(), staff.now(), visibility, body)),
                    visibility.name().toLowerCase(java.util.Locale.ROOT) + " comment");
        });
    }

    public Outcome followUp(String ticketId, boolean followedUp, Staff staff) {
        return change(ticketId, staff, "support.ticket.follow-up", current -> {
            if (current.handling().followedUp() == followedUp) {
                return new Decision.Keep();
            }
            return new Decision.Apply(current.withFollowedUp(followedUp, staff.now()), List.of(staff.event(ticketId,
                    HistoryEntry.Kind.FOLLOW_UP, Map.of("followedUp", Boolean.toString(followedUp)))),
                    followedUp ? "followed up" : "not followed up");
        });
    }

    /**
     * A staff status move: OPEN → IN_PROGRESS → RESOLVED, and RESOLVED → IN_PROGRESS (reopening, with a note). Staff
     * never close: CLOSED comes from the user's confirmation or the keeper. Any other move, the same status included,
     * is refused (409) and nothing is written.
     */
    public Outcome moveStatus(String ticketId, TicketStatus next, Optional<String> note, Staff staff) {
        return change(ticketId, staff, "support.ticket.status", current -> {
            if (next == TicketStatus.CLOSED) {
                return new Decision.Refuse(Outcome.Refused.conflict("status-not-allowed", "Staff do not close tickets",
                        "a ticket is CLOSED by the user's confirmation or by the keeper 7 days after RESOLVED; it is "
                                + current.status()));
            }
            if (!current.status().staffMayMoveTo(next)) {
                return new Decision.Refuse(Outcome.Refused.conflict("status-not-allowed", "This status move is not allowed",
                        "ticket " + ticketId + " is " + current.status() + "; staff may move OPEN → IN_PROGRESS → RESOLVED and "
                                + "reopen RESOLVED → IN_PROGRESS, not " + current.status() + " → " + next));
            }
            boolean reopening = current.status() == TicketStatus.RESOLVED;
            if (reopening && note.isEmpty()) {
                return new Decision.Refuse(new Outcome.Refused(422, "validation-failed", "A note is required",
                        "reopening a RESOLVED ticket needs a note saying why", "note"));
            }
            Map<String, String> detail = new LinkedHashMap<>(Map.of("from", current.status().name(), "to", next.name()));
            note.ifPresent(n -> detail.put("note", n));
            return new Decision.Apply(current.withStatus(next, staff.now()).respondedAt(staff.now()),
                    List.of(staff.event(ticketId, HistoryEntry.Kind.STATUS, detail)),
                    current.status() + " → " + next + note.map(n -> ": " + n).orElse(""));
        });
    }

    public Outcome link(String ticketId, TicketLink link, Staff staff) {
        if (!linkTargets.exists(link)) {
            return link.kind() == TicketLink.Kind.FINDING
                    ? new Outcome.Refused(422, "unknown-finding", "No such reconcile finding",
                            "reconcile finding " + link.id() + " does not exist", "id")
                    : new Outcome.Refused(422, "unknown-incident", "No such incident", "incident " + link.id() + " does not exist", "id");
        }
        return change(ticketId, staff, "support.ticket.link", current -> {
            if (current.handling().links().contains(link)) {
                return new Decision.Keep();
            }
            if (current.handling().links().size() >= TicketLink.MAX_LINKS) {
                return new Decision.Refuse(Outcome.Refused.conflict("too-many-links", "The ticket has all the links it may have",
                        "a ticket holds at most " + TicketLink.MAX_LINKS + " links"));
            }
            return new Decision.Apply(current.withLink(link, staff.now()), List.of(staff.event(ticketId, HistoryEntry.Kind.LINKED,
                    Map.of("kind", link.kind().wire(), "id", link.id()))), "linked " + link.text());
        });
    }

    public Outcome markReproduced(String ticketId, Optional<String> note, Staff staff) {
        return change(ticketId, staff, "support.ticket.reproduced", current -> {
            if (current.report().type() != TicketType.BUG) {
                return new Decision.Refuse(notABug(current));
            }
            if (current.bug().reproduced().isPresent()) {
                return new Decision.Refuse(Outcome.Refused.conflict("already-reproduced", "The bug is already marked reproduced",
                        "ticket " + ticketId + " was marked reproduced by " + current.bug().reproduced().get().by()));
            }
            Map<String, String> detail = new LinkedHashMap<>();
            note.ifPresent(n -> detail.put("note", n));
            return new Decision.Apply(current.reproduced(new Ticket.Mark(staff.caller().sub(), staff.now(), note)),
                    List.of(staff.event(ticketId, HistoryEntry.Kind.REPRODUCED, detail)), "reproduced" + note.map(n -> ": " + n).orElse(""));
        });
    }

    /**
     * Marks a reproduced bug fixed. Of concurrent marks one wins (its write is conditional on the version it read, with
     * fixed not yet set); the winner grants the reporter's EXP and records it. Should the grant fail, the ticket stays
     * fixed with its grant pending and the keeper finishes it.
     */
    public Outcome markFixed(String ticketId, Optional<String> note, Staff staff) {
        Outcome marked = change(ticketId, staff, "support.ticket.fixed", current -> {
            if (current.report().type() != TicketType.BUG) {
                return new Decision.Refuse(notABug(current));
            }
            if (current.bug().reproduced().isEmpty()) {
                return new Decision.Refuse(Outcome.Refused.conflict("not-reproduced", "The bug is not reproduced yet",
                        "mark ticket " + ticketId + " reproduced before fixed"));
            }
            if (current.bug().fixed().isPresent()) {
                return new Decision.Refuse(Outcome.Refused.conflict("already-fixed", "The bug is already marked fixed",
                        "ticket " + ticketId + " was marked fixed by " + current.bug().fixed().get().by()));
            }
            Map<String, String> detail = new LinkedHashMap<>();
            note.ifPresent(n -> detail.put("note", n));
            return new Decision.Apply(current.fixed(new Ticket.Mark(staff.caller().sub(), staff.now(), note)),
                    List.of(staff.event(ticketId, HistoryEntry.Kind.FIXED, detail)), "fixed" + note.map(n -> ": " + n).orElse(""));
        });
        if (!(marked instanceof Outcome.Done done)) {
            return marked;
        }
        try {
            return new Outcome.Done(rewards.grant(done.ticket()));
        } catch (RuntimeException e) {
            LOG.error("ticket {}: marked fixed, the EXP grant failed; the ticket keeper finishes it", ticketId, e);
            return done;
        }
    }

    /**
     * The user's confirmation of a RESOLVED ticket, through the platform: CLOSED with the rating. Anything else is
     * refused (409): an OPEN or IN_PROGRESS ticket is not resolved yet, a CLOSED one was closed already.
     */
    public Outcome confirm(String ticketId, int rating, Optional<String> comment, Caller platform) {
        Instant now = SortableTime.now(clock);
        return switch (store.change(ticketId, current -> current.status() != TicketStatus.RESOLVED
                ? new TicketStore.Step.Stop()
                : new TicketStore.Step.Write(current.closed(now, "user:" + current.report().userId(),
                        Optional.of(new Ticket.Csat(rating, comment, now))),
                        List.of(HistoryEntry.event(ticketId, HistoryEntry.Kind.CONFIRMED, "user:" + current.report().userId(), now,
                                comment.map(c -> Map.of("rating", Integer.toString(rating), "comment", c))
                                        .orElse(Map.of("rating", Integer.toString(rating)))))))) {
            case TicketStore.Changed.Written written -> new Outcome.Done(written.ticket());
            case TicketStore.Changed.Missing missing -> new Outcome.NotFound(ticketId);
            case TicketStore.Changed.Stopped stopped -> Outcome.Refused.conflict("not-resolved", "Only a RESOLVED ticket can be confirmed",
                    "ticket " + ticketId + " is " + stopped.ticket().status() + "; the user confirms once staff resolved it");
        };
    }

    /** Who is acting on a ticket, from where, and the time their change is made at. */
    public record Staff(Caller caller, RequestOrigin origin, Instant now) {
        HistoryEntry event(String ticketId, HistoryEntry.Kind kind, Map<String, String> detail) {
            return HistoryEntry.event(ticketId, kind, caller.sub(), now, detail);
        }
    }

    public Staff staff(Caller caller, RequestOrigin origin) {
        return new Staff(caller, origin, SortableTime.now(clock));
    }

    private sealed interface Decision {
        record Apply(Ticket next, List<HistoryEntry> entries, String reason) implements Decision {
        }

        record Keep() implements Decision {
        }

        record Refuse(Outcome.Refused refused) implements Decision {
        }
    }

    private Outcome change(String ticketId, Staff staff, String action, java.util.function.Function<Ticket, Decision> decide) {
        return audit.commit(seq -> {
            Optional<Ticket> current = store.find(ticketId);
            if (current.isEmpty()) {
                return new AuditedChange.Refuse<Outcome>(new Outcome.NotFound(ticketId));
            }
            Ticket ticket = current.get();
            if (ticket.status() == TicketStatus.CLOSED) {
                return new AuditedChange.Refuse<Outcome>(Outcome.Refused.conflict("ticket-closed", "The ticket is closed",
                        "ticket " + ticketId + " was closed " + ticket.timeline().closedAt().map(Instant::toString).orElse("")
                                + "; a problem that comes back is a new ticket"));
            }
            return switch (decide.apply(ticket)) {
                case Decision.Keep keep -> new AuditedChange.Refuse<Outcome>(new Outcome.Unchanged(ticket));
                case Decision.Refuse refuse -> new AuditedChange.Refuse<Outcome>(refuse.refused());
                case Decision.Apply apply -> new AuditedChange.Write<Outcome>(
                        store.writes(Optional.of(ticket.version()), apply.next(), apply.entries()),
                        new AuditDraft(staff.caller(), action, AUDIT_TARGET_PREFIX + ticketId, Json.write(auditView(ticket)),
                                Json.write(auditView(apply.next())), apply.reason(), staff.origin()),
                        entry -> new Outcome.Done(apply.next()));
            };
        });
    }

    private static Outcome.Refused notABug(Ticket ticket) {
        return Outcome.Refused.conflict("not-a-bug", "Only a BUG is reproduced and fixed",
                "ticket " + ticket.ticketId() + " is a " + ticket.report().type() + "; only BUG tickets are marked reproduced and fixed");
    }

    // what the audit keeps of a ticket: its handling, not the user's text or contact
    private static Map<String, Object> auditView(Ticket ticket) {
        Map<String, Object> view = new LinkedHashMap<>(ticket.view());
        view.remove("body");
        view.remove("contact");
        return view;
    }

}
