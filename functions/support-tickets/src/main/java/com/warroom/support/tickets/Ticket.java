package com.warroom.support.tickets;

import com.warroom.support.TicketPriority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A support ticket as stored in its {@code ticket} item: what the user reported, how staff handle it, its timeline, the
 * bug marks with the EXP they earned, and the user's rating. Changed only by conditional writes on {@code version}.
 */
public record Ticket(String ticketId, Report report, Handling handling, Timeline timeline, BugMarks bug, Optional<Csat> csat,
                     long version) {

    public static final Pattern ID = Pattern.compile("tkt-[0-9a-f]{32}");
    /** A user id as the ledger can book EXP to ({@code exp:<userId>}). */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    /** A new ticket's priority until staff set one. */
    public static final TicketPriority DEFAULT_PRIORITY = TicketPriority.MEDIUM;

    /** What the user reported, who filed it, where the EXP notice goes. */
    public record Report(String userId, TicketType type, String title, String body, Optional<String> email,
                         Optional<String> phone, String filedBy, Instant createdAt) {
    }

    /** How staff handle it now. */
    public record Handling(TicketStatus status, TicketPriority priority, Optional<String> assignee, boolean followedUp,
                           List<TicketLink> links) {
        public Handling {
            links = List.copyOf(links);
        }
    }

    /** When it changed: the first response to the user, the last resolution, the close. */
    public record Timeline(Instant updatedAt, Optional<Instant> firstResponseAt, Optional<Instant> resolvedAt,
                           Optional<Instant> closedAt, Optional<String> closedBy) {
    }

    /** Who marked what, when, with what note. */
    public record Mark(String by, Instant at, Optional<String> note) {
    }

    /** The EXP a fixed bug earned, as the ledger posted it. */
    public record Reward(long exp, String entryId, Instant grantedAt) {
    }

    public record BugMarks(Optional<Mark> reproduced, Optional<Mark> fixed, Optional<Reward> reward) {
        static final BugMarks NONE = new BugMarks(Optional.empty(), Optional.empty(), Optional.empty());

        /** Fixed, and the grant not yet recorded: what the keeper finishes. */
        public boolean rewardPending() {
            return fixed.isPresent() && reward.isEmpty();
        }
    }

    /** The user's confirmation: a 1–5 rating and an optional comment. */
    public record Csat(int rating, Optional<String> comment, Instant at) {
    }

    public static String newId() {
        return "tkt-" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Ticket filed(String ticketId, Report report) {
        return new Ticket(ticketId, report, new Handling(TicketStatus.OPEN, DEFAULT_PRIORITY, Optional.empty(), false, List.of()),
                new Timeline(report.createdAt(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                BugMarks.NONE, Optional.empty(), 1);
    }

    public TicketStatus status() {
        return handling.status();
    }

    public Ticket withHandling(Handling next, Instant at) {
        return new Ticket(ticketId, report, next, touched(at), bug, csat, version + 1);
    }

    public Ticket withPriority(TicketPriority priority, Instant at) {
        return withHandling(new Handling(handling.status(), priority, handling.assignee(), handling.followedUp(), handling.links()), at);
    }

    public Ticket withAssignee(Optional<String> assignee, Instant at) {
        return withHandling(new Handling(handling.status(), handling.priority(), assignee, handling.followedUp(), handling.links()), at);
    }

    public Ticket withFollowedUp(boolean followedUp, Instant at) {
        return withHandling(new Handling(handling.status(), handling.priority(), handling.assignee(), followedUp, handling.links()), at);
    }

    public Ticket withLink(TicketLink link, Instant at) {
        List<TicketLink> links = new ArrayList<>(handling.links());
        links.add(link);
        return withHandling(new Handling(handling.status(), handling.priority(), handling.assignee(), handling.followedUp(), links), at);
    }

    /** A staff status move; RESOLVED stamps the resolution time (the last one counts when a ticket was reopened). */
    public Ticket withStatus(TicketStatus next, Instant at) {
        Timeline t = touched(at);
        if (next == TicketStatus.RESOLVED) {
            t = new Timeline(t.updatedAt(), t.firstResponseAt(), Optional.of(at), t.closedAt(), t.closedBy());
        }
        return new Ticket(ticketId, report,
                new Handling(next, handling.priority(), handling.assignee(), handling.followedUp(), handling.links()),
                t, bug, csat, version + 1);
    }

    /** The first staff response visible to the user, if none came before. */
    public Ticket respondedAt(Instant at) {
        if (timeline.firstResponseAt().isPresent()) {
            return this;
        }
        return new Ticket(ticketId, report, handling, new Timeline(timeline.updatedAt(), Optional.of(at), timeline.resolvedAt(),
                timeline.closedAt(), timeline.closedBy()), bug, csat, version);
    }

    public Ticket touchedOnly(Instant at) {
        return new Ticket(ticketId, report, handling, touched(at), bug, csat, version + 1);
    }

    public Ticket closed(Instant at, String by, Optional<Csat> rating) {
        return new Ticket(ticketId, report,
                new Handling(TicketStatus.CLOSED, handling.priority(), handling.assignee(), handling.followedUp(), handling.links()),
                new Timeline(at, timeline.firstResponseAt(), timeline.resolvedAt(), Optional.of(at), Optional.of(by)),
                bug, rating, version + 1);
    }

    public Ticket reproduced(Mark mark) {
        return new Ticket(ticketId, report, handling, touched(mark.at()), new BugMarks(Optional.of(mark), bug.fixed(), bug.reward()),
                csat, version + 1);
    }

    public Ticket fixed(Mark mark) {
        return new Ticket(ticketId, report, handling, touched(mark.at()), new BugMarks(bug.reproduced(), Optional.of(mark), bug.reward()),
                csat, version + 1);
    }

    public Ticket rewarded(Reward reward, Instant at) {
        return new Ticket(ticketId, report, handling, touched(at), new BugMarks(bug.reproduced(), bug.fixed(), Optional.of(reward)),
                csat, version + 1);
    }

    private Timeline touched(Instant at) {
        return new Timeline(at, timeline.firstResponseAt(), timeline.resolvedAt(), timeline.closedAt(), timeline.closedBy());
    }

    /** The ticket as the API shows it. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ticketId", ticketId);
        view.put("userId", report.userId());
        view.put("type", report.type().name());
        view.put("title", report.title());
        view.put("body", report.body());
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", report.email().orElse(null));
        contact.put("phone", report.phone().orElse(null));
        view.put("contact", contact);
        view.put("filedBy", report.filedBy());
        view.put("status", handling.status().name());
        view.put("priority", handling.priority().name());
        view.put("assignee", handling.assignee().orElse(null));
        view.put("followedUp", handling.followedUp());
        view.put("links", handling.links().stream().map(l -> Map.of("kind", l.kind().wire(), "id", l.id())).toList());
        view.put("createdAt", report.createdAt().toString());
        view.put("updatedAt", timeline.updatedAt().toString());
        view.put("firstResponseAt", timeline.firstResponseAt().map(Instant::toString).orElse(null));
        view.put("resolvedAt", timeline.resolvedAt().map(Instant::toString).orElse(null));
        view.put("closedAt", timeline.closedAt().map(Instant::toString).orElse(null));
        view.put("closedBy", timeline.closedBy().orElse(null));
        view.put("reproduced", bug.reproduced().map(Ticket::markView).orElse(null));
        view.put("fixed", bug.fixed().map(Ticket::markView).orElse(null));
        view.put("exp", bug.reward().map(r -> {
            Map<String, Object> exp = new LinkedHashMap<>();
            exp.put("amount", r.exp());
            exp.put("entryId", r.entryId());
            exp.put("grantedAt", r.grantedAt().toString());
            return exp;
        }).orElse(null));
        view.put("expPending", bug.rewardPending());
        view.put("csat", csat.map(c -> {
            Map<String, Object> rating = new LinkedHashMap<>();
            rating.put("rating", c.rating());
            rating.put("comment", c.comment().orElse(null));
            rating.put("at", c.at().toString());
            return rating;
        }).orElse(null));
        view.put("version", version);
        return view;
    }

    private static Map<String, Object> markView(Mark mark) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("by", mark.by());
        view.put("at", mark.at().toString());
        view.put("note", mark.note().orElse(null));
        return view;
    }

    public Ticket {
        Objects.requireNonNull(ticketId);
        Objects.requireNonNull(report);
        Objects.requireNonNull(handling);
        Objects.requireNonNull(timeline);
        Objects.requireNonNull(bug);
        Objects.requireNonNull(csat);
    }
}
