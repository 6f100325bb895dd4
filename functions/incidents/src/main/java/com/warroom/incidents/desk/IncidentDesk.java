package com.warroom.incidents.desk;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.incidents.IncidentLink;
import com.warroom.incidents.TimelineEntry;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.model.Postmortem;
import com.warroom.incidents.model.Severity;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.json.Json;
import com.warroom.oncall.OnCallArea;
import com.warroom.oncall.OnCallRoster;
import com.warroom.payments.SortableTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The incident operations: declaring (with the on-call primary as commander when none is named), the SOP's steps one at
 * a time, notes, links, evidence records and the post-mortem. Each change is written with its timeline entries and its
 * audit entry in one transaction, conditional on the version it was decided from; a refused change writes nothing.
 */
public final class IncidentDesk {

    public static final String AUDIT_TARGET_PREFIX = "incident:";
    public static final int MAX_LINKS = 100;
    public static final int MAX_EVIDENCE = 100;
    private static final java.util.Set<String> CHANGES_AFTER_CLOSE = java.util.Set.of("incident.postmortem", "incident.status");

    private final IncidentStore store;
    private final AuditLog audit;
    private final LinkTargets targets;
    private final OnCallRoster roster;
    private final Clock clock;

    public IncidentDesk(IncidentStore store, AuditLog audit, LinkTargets targets, OnCallRoster roster, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.targets = targets;
        this.roster = roster;
        this.clock = clock;
    }

    /** Who is acting on an incident, from where, and the time their change is made at. */
    public record Staff(Caller caller, RequestOrigin origin, Instant now) {
        TimelineEntry.Draft entry(TimelineEntry.Kind kind, String text) {
            return TimelineEntry.Draft.of(kind, caller.sub(), now, text);
        }
    }

    public Staff staff(Caller caller, RequestOrigin origin) {
        return new Staff(caller, origin, SortableTime.now(clock));
    }

    /**
     * Declares an incident, DETECTED. With no commander named, the on-call primary of the first component's area owns
     * it; when nobody is on call there, it is refused (422 naming commander): every incident has an owner.
     */
    public Outcome declare(NewIncident declared, Staff staff) {
        OnCallArea area = OnCallArea.forComponent(declared.components().getFirst().wire());
        Optional<String> onCall = declared.commander().isPresent() ? Optional.empty() : roster.primaryAt(area, staff.now());
        if (declared.commander().isEmpty()) {
            if (onCall.isEmpty()) {
                return Outcome.Refused.unprocessable("commander", "nobody-on-call", "Nobody is on call to command it",
                        "no commander was named and nobody is on call as " + area.name().toLowerCase(java.util.Locale.ROOT)
                                + " primary now (the area of " + declared.components().getFirst().wire() + "); name a commander");
            }
        }
        Incident.CommanderSource source = onCall.isPresent() ? Incident.CommanderSource.ON_CALL : Incident.CommanderSource.GIVEN;
        Incident incident = Incident.declared(new Incident.Declaration(declared.title(), declared.components(), declared.detectedBy(),
                        declared.firstSeenAt(), staff.now(), declared.impact(), staff.caller().sub()), declared.severity(),
                declared.commander().or(() -> onCall).orElseThrow(), source);
        TimelineEntry.Draft entry = staff.entry(TimelineEntry.Kind.DECLARED, "declared " + declared.severity().map(Enum::name)
                .orElse("(severity left to ops)") + ", detected by " + declared.detectedBy().wire() + "; commander "
                + incident.handling().commander() + " (" + source.wire() + ")");
        List<TimelineEntry.Draft> drafts = List.of(entry);
        return audit.commit(seq -> new AuditedChange.Write<>(store.writes(incident, drafts),
                new AuditDraft(staff.caller(), "incident.declare", AUDIT_TARGET_PREFIX + incident.incidentId(), null,
                        Json.write(incident.view(staff.now())), entry.text(), staff.origin()),
                sealed -> done(incident, drafts)));
    }

    /**
     * Moves an incident one step in the SOP's order (any other move is 409). CLASSIFIED needs a severity (given now, or
     * at declaration); RESOLVED on P0/P1 needs a post-mortem owner (given now, or set before): both 422 when missing.
     */
    public Outcome move(String incidentId, StatusMove move, Staff staff) {
        return change(incidentId, staff, "incident.status", current -> {
            if (!current.status().mayMoveTo(move.status())) {
                return new Decision.Refuse(Outcome.Refused.conflict("status-not-allowed", "This status move is not allowed",
                        "incident " + incidentId + " is " + current.status() + "; it moves one step at a time, DETECTED → CLASSIFIED → "
                                + "CONTAINED → INVESTIGATING → RESOLVED → CLOSED, so "
                                + current.status().next().map(n -> "the next step is " + n).orElse("a CLOSED incident does not move")
                                + ", not " + move.status()));
            }
            Optional<Severity> severity = move.severity().or(current::severity);
            if (move.status() == IncidentStatus.CLASSIFIED && severity.isEmpty()) {
                return new Decision.Refuse(Outcome.Refused.unprocessable("severity", "severity-needed", "A severity is needed to classify",
                        "incident " + incidentId + " has no severity yet (reported by support): give one (" + Severity.RULE + ")"));
            }
            if (move.status() == IncidentStatus.RESOLVED && severity.map(Severity::needsPostmortem).orElse(false)
                    && move.postmortemOwner().or(() -> current.postmortem().owner()).isEmpty()) {
                return new Decision.Refuse(Outcome.Refused.unprocessable("postmortemOwner", "postmortem-owner-needed", "A post-mortem owner is needed",
                        "a " + severity.get() + " incident is RESOLVED only with a post-mortem owner (due "
                                + Incident.POSTMORTEM_DUE.toHours() + " h later): give postmortemOwner"));
            }
            Incident next = current.movedTo(move.status(), move.severity(), move.postmortemOwner(), staff.now());
            StringBuilder text = new StringBuilder(current.status() + " → " + move.status());
            move.severity().filter(s -> !current.severity().equals(Optional.of(s))).ifPresent(s -> text.append("; severity ")
                    .append(current.severity().map(Enum::name).orElse("none")).append(" → ").append(s));
            move.postmortemOwner().ifPresent(o -> text.append("; post-mortem owner ").append(o));
            next.postmortem().dueAt().filter(d -> move.status() == IncidentStatus.RESOLVED)
                    .ifPresent(d -> text.append("; post-mortem due ").append(SortableTime.format(d)));
            text.append(": ").append(move.note());
            TimelineEntry.Draft entry = new TimelineEntry.Draft(TimelineEntry.Kind.STATUS, staff.caller().sub(), staff.now(),
                    text.toString(), move.status().name(), null);
            return new Decision.Apply(next, List.of(entry), text.toString());
        });
    }

    /** A step: where to, why, and what it may need (a severity to classify, a post-mortem owner to resolve a P0/P1). */
    public record StatusMove(IncidentStatus status, String note, Optional<Severity> severity, Optional<String> postmortemOwner) {
    }

    public Outcome note(String incidentId, String text, Staff staff) {
        return change(incidentId, staff, "incident.note", current -> {
            TimelineEntry.Draft entry = staff.entry(TimelineEntry.Kind.NOTE, text);
            return new Decision.Apply(current, List.of(entry), "note");
        });
    }

    /** Links a finding, order, payout or ticket, which must exist (422 naming id); linked already is unchanged. */
    public Outcome link(String incidentId, IncidentLink.Kind kind, String id, Staff staff) {
        if (!targets.exists(kind, id)) {
            return Outcome.Refused.unprocessable("id", "unknown-link-target", "Nothing to link", "no " + kind.wire() + " " + id + " exists");
        }
        return change(incidentId, staff, "incident.link", current -> {
            if (current.links().stream().anyMatch(l -> l.kind() == kind && l.id().equals(id))) {
                return new Decision.Keep();
            }
            if (current.links().size() >= MAX_LINKS) {
                return new Decision.Refuse(Outcome.Refused.conflict("too-many-links", "The incident has all the links it may have",
                        "an incident holds at most " + MAX_LINKS + " links"));
            }
            String text = "linked " + kind.wire() + " " + id;
            return new Decision.Apply(current.withLink(new IncidentLink(kind, id, staff.now(), staff.caller().sub())),
                    List.of(staff.entry(TimelineEntry.Kind.LINK, text)), text);
        });
    }

    /** Records a collected evidence bundle: its hash in the timeline. */
    public Outcome recordEvidence(String incidentId, Incident.EvidenceRecord evidence, Staff staff) {
        return change(incidentId, staff, "incident.evidence", current -> {
            if (current.evidence().size() >= MAX_EVIDENCE) {
                return new Decision.Refuse(Outcome.Refused.conflict("too-much-evidence", "The incident has all the evidence it may record",
                        "an incident records at most " + MAX_EVIDENCE + " evidence bundles"));
            }
            String text = "evidence " + evidence.evidenceId() + " collected (" + evidence.counts().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("nothing found")
                    + "), sha256 " + evidence.sha256();
            TimelineEntry.Draft entry = new TimelineEntry.Draft(TimelineEntry.Kind.EVIDENCE, staff.caller().sub(), staff.now(), text, null,
                    evidence.sha256());
            return new Decision.Apply(current.withEvidence(evidence), List.of(entry), text);
        });
    }

    /** Writes (or rewrites) the post-mortem's sections and follow-up actions, and sets its owner. */
    public Outcome writePostmortem(String incidentId, String owner, PostmortemText text, Staff staff) {
        return change(incidentId, staff, "incident.postmortem", current -> {
            Postmortem.Written written = new Postmortem.Written(text.rootCause(), text.impact(), text.resolution(),
                    text.preventiveAction(), text.actions(), staff.now(), staff.caller().sub());
            Postmortem next = current.postmortem().written(owner, written);
            String summary = "post-mortem " + (written.complete() ? "written" : "drafted") + " (owner " + owner + ", "
                    + written.actions().size() + " follow-up actions)";
            return new Decision.Apply(current.withPostmortem(next), List.of(staff.entry(TimelineEntry.Kind.POSTMORTEM, summary)), summary);
        });
    }

    /** The template's sections as given (each may be left for later) and the follow-up actions. */
    public record PostmortemText(Optional<String> rootCause, Optional<String> impact, Optional<String> resolution,
                                 Optional<String> preventiveAction, List<Postmortem.Action> actions) {
    }

    private sealed interface Decision {
        record Apply(Incident next, List<TimelineEntry.Draft> entries, String reason) implements Decision {
        }

        record Keep() implements Decision {
        }

        record Refuse(Outcome.Refused refused) implements Decision {
        }
    }

    private Outcome change(String incidentId, Staff staff, String action, Function<Incident, Decision> decide) {
        return audit.commit(seq -> {
            Optional<Incident> found = store.find(incidentId);
            if (found.isEmpty()) {
                return new AuditedChange.Refuse<Outcome>(new Outcome.NotFound(incidentId));
            }
            Incident current = found.get();
            // a CLOSED incident takes no change but its post-mortem (a move from CLOSED is refused as a move)
            if (current.status() == IncidentStatus.CLOSED && !CHANGES_AFTER_CLOSE.contains(action)) {
                return new AuditedChange.Refuse<Outcome>(Outcome.Refused.conflict("incident-closed", "The incident is closed",
                        "incident " + incidentId + " was closed " + current.handling().closedAt().map(SortableTime::format).orElse("")
                                + "; only its post-mortem may still be written"));
            }
            return switch (decide.apply(current)) {
                case Decision.Keep keep -> new AuditedChange.Refuse<Outcome>(new Outcome.Unchanged(current));
                case Decision.Refuse refuse -> new AuditedChange.Refuse<Outcome>(refuse.refused());
                case Decision.Apply apply -> new AuditedChange.Write<Outcome>(store.writes(apply.next(), apply.entries()),
                        new AuditDraft(staff.caller(), action, AUDIT_TARGET_PREFIX + incidentId, Json.write(current.view(staff.now())),
                                Json.write(apply.next().view(staff.now())), apply.reason(), staff.origin()),
                        sealed -> done(apply.next(), apply.entries()));
            };
        });
    }

    // the incident as written (one version on, its entries counted) and its new entries, numbered
    private static Outcome done(Incident written, List<TimelineEntry.Draft> drafts) {
        Incident stored = new Incident(written.incidentId(), written.declaration(), written.handling(), written.links(), written.evidence(),
                written.postmortem(), written.version() + 1, written.timelineSeq() + drafts.size());
        List<TimelineEntry> added = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            added.add(drafts.get(i).numbered(written.incidentId(), written.timelineSeq() + i + 1));
        }
        return new Outcome.Done(stored, added);
    }
}
