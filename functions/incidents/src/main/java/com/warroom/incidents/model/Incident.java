package com.warroom.incidents.model;

import com.warroom.incidents.IncidentLink;
import com.warroom.payments.SortableTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;

/**
 * An incident: what was declared, how it is being handled, what it is linked to, the evidence collected, its
 * post-mortem. Changes make a new value one version on; the store writes it conditional on the version it came from.
 */
public record Incident(String incidentId, Declaration declaration, Handling handling, List<IncidentLink> links,
                       List<EvidenceRecord> evidence, Postmortem postmortem, long version, long timelineSeq) {

    /** A P0/P1 post-mortem is due this long after RESOLVED. */
    public static final Duration POSTMORTEM_DUE = Duration.ofHours(48);
    private static final SecureRandom RANDOM = new SecureRandom();

    public Incident {
        links = List.copyOf(links);
        evidence = List.copyOf(evidence);
    }

    /** What the reporter said: title, affected components (the first one names the default commander's area), impact. */
    public record Declaration(String title, List<Component> components, DetectedBy detectedBy, Instant firstSeenAt,
                              Instant detectedAt, Impact impact, String reportedBy) {
        public Declaration {
            components = List.copyOf(components);
        }
    }

    public record Impact(long usersAffected, Optional<String> description) {
    }

    /** Who owns it, how far it is, and how serious: severity is empty while a support report waits for ops. */
    public record Handling(IncidentStatus status, Optional<Severity> severity, String commander, CommanderSource commanderSource,
                           Optional<Instant> resolvedAt, Optional<Instant> closedAt) {
    }

    /** Where the commander came from: named by the reporter, or the on-call primary of the first component's area. */
    public enum CommanderSource {
        GIVEN("given"), ON_CALL("on-call");

        private final String wire;

        CommanderSource(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** An evidence bundle collected for the incident, as recorded (the bundle itself is in the evidence bucket). */
    public record EvidenceRecord(String evidenceId, String sha256, Instant collectedAt, String actor, String location,
                                 Map<String, Long> counts) {
        public EvidenceRecord {
            counts = new LinkedHashMap<>(counts);
        }
    }

    public static Incident declared(Declaration declaration, Optional<Severity> severity, String commander, CommanderSource source) {
        return new Incident(newId(), declaration, new Handling(IncidentStatus.DETECTED, severity, commander, source, Optional.empty(),
                Optional.empty()), List.of(), List.of(), Postmortem.NONE, 0, 0);
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "inc-" + HexFormat.of().formatHex(bytes);
    }

    public IncidentStatus status() {
        return handling.status();
    }

    public Optional<Severity> severity() {
        return handling.severity();
    }

    public boolean needsPostmortem() {
        return severity().map(Severity::needsPostmortem).orElse(false);
    }

    /** Moved one step to {@code next} at {@code at}: RESOLVED starts a P0/P1 post-mortem's 48 hours. */
    public Incident movedTo(IncidentStatus next, Optional<Severity> newSeverity, Optional<String> postmortemOwner, Instant at) {
        Handling h = handling;
        Optional<Severity> severity = newSeverity.or(h::severity);
        Optional<Instant> resolvedAt = next == IncidentStatus.RESOLVED ? Optional.of(at) : h.resolvedAt();
        Optional<Instant> closedAt = next == IncidentStatus.CLOSED ? Optional.of(at) : h.closedAt();
        Postmortem pm = postmortemOwner.map(postmortem::withOwner).orElse(postmortem);
        if (next == IncidentStatus.RESOLVED && severity.map(Severity::needsPostmortem).orElse(false)) {
            pm = pm.dueAt(at.plus(POSTMORTEM_DUE));
        }
        return new Incident(incidentId, declaration, new Handling(next, severity, h.commander(), h.commanderSource(), resolvedAt, closedAt),
                links, evidence, pm, version, timelineSeq);
    }

    public Incident withLink(IncidentLink link) {
        List<IncidentLink> next = new ArrayList<>(links);
        next.add(link);
        return new Incident(incidentId, declaration, handling, next, evidence, postmortem, version, timelineSeq);
    }

    public Incident withEvidence(EvidenceRecord record) {
        List<EvidenceRecord> next = new ArrayList<>(evidence);
        next.add(record);
        return new Incident(incidentId, declaration, handling, links, next, postmortem, version, timelineSeq);
    }

    public Incident withPostmortem(Postmortem next) {
        return new Incident(incidentId, declaration, handling, links, evidence, next, version, timelineSeq);
    }

    /** Whether its post-mortem is due and not written at {@code now}. */
    public boolean postmortemOverdue(Instant now) {
        return needsPostmortem() && postmortem.overdue(now);
    }

    /** The incident as the API answers it (without its timeline). */
    public Map<String, Object> view(Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incidentId);
        view.put("title", declaration.title());
        view.put("severity", severity().map(Enum::name).orElse(null));
        view.put("severityLabel", severity().map(Severity::label).orElse(null));
        view.put("targetResponse", severity().map(Severity::targetResponse).orElse(null));
        view.put("status", status().name());
        view.put("components", declaration.components().stream().map(Component::wire).toList());
        view.put("detectedBy", declaration.detectedBy().wire());
        view.put("firstSeenAt", SortableTime.format(declaration.firstSeenAt()));
        view.put("detectedAt", SortableTime.format(declaration.detectedAt()));
        Map<String, Object> impact = new LinkedHashMap<>();
        impact.put("usersAffected", declaration.impact().usersAffected());
        impact.put("description", declaration.impact().description().orElse(null));
        view.put("impact", impact);
        view.put("commander", handling.commander());
        view.put("commanderSource", handling.commanderSource().wire());
        view.put("reportedBy", declaration.reportedBy());
        view.put("resolvedAt", handling.resolvedAt().map(SortableTime::format).orElse(null));
        view.put("closedAt", handling.closedAt().map(SortableTime::format).orElse(null));
        view.put("postmortem", postmortem.isEmpty() ? null : postmortem.view(postmortemOverdue(now)));
        view.put("links", links.stream().map(IncidentLink::view).toList());
        view.put("evidence", evidence.stream().map(e -> {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("evidenceId", e.evidenceId());
            ev.put("sha256", e.sha256());
            ev.put("collectedAt", SortableTime.format(e.collectedAt()));
            ev.put("actor", e.actor());
            ev.put("location", e.location());
            ev.put("counts", e.counts());
            return ev;
        }).toList());
        return view;
    }
}
