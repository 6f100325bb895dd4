package com.warroom.incidents.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.IncidentLink;
import com.warroom.incidents.model.Component;
import com.warroom.incidents.model.DetectedBy;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.model.Postmortem;
import com.warroom.incidents.model.Severity;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link Incident} as its {@link IncidentItem}: the indexed attributes at the top level, the rest in {@code doc}. */
public final class IncidentItems {

    private IncidentItems() {
    }

    /** {@code incident} as the item of the write that makes it: one version on, with {@code entries} timeline entries more. */
    public static IncidentItem item(Incident incident, int entries) {
        Incident.Handling h = incident.handling();
        return new IncidentItem(incident.incidentId(), IncidentItem.ITEM, IncidentItem.LIST_KEY, h.status().name(),
                h.severity().map(Enum::name).orElse(null), incident.declaration().title(),
                SortableTime.format(incident.declaration().detectedAt()), h.resolvedAt().map(SortableTime::format).orElse(null),
                doc(incident), IncidentLink.writeAll(incident.links()), incident.version() + 1, incident.timelineSeq() + entries);
    }

    public static Incident incident(IncidentItem item) {
        JsonNode doc = Json.readTree(item.doc());
        List<Component> components = new ArrayList<>();
        doc.path("components").forEach(c -> components.add(Component.parse(c.asText()).orElseThrow()));
        Incident.Declaration declaration = new Incident.Declaration(item.title(), components,
                DetectedBy.parse(doc.path("detectedBy").asText()).orElseThrow(), instant(doc, "firstSeenAt").orElseThrow(),
                Instant.parse(item.detectedAt()), new Incident.Impact(doc.path("usersAffected").asLong(), text(doc, "impactDescription")),
                doc.path("reportedBy").asText());
        Incident.Handling handling = new Incident.Handling(IncidentStatus.valueOf(item.status()),
                Optional.ofNullable(item.severity()).map(Severity::valueOf), doc.path("commander").asText(),
                Incident.CommanderSource.valueOf(doc.path("commanderSource").asText()),
                Optional.ofNullable(item.resolvedAt()).map(Instant::parse), instant(doc, "closedAt"));
        List<Incident.EvidenceRecord> evidence = new ArrayList<>();
        doc.path("evidence").forEach(e -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            e.path("counts").properties().forEach(c -> counts.put(c.getKey(), c.getValue().asLong()));
            evidence.add(new Incident.EvidenceRecord(e.path("evidenceId").asText(), e.path("sha256").asText(),
                    Instant.parse(e.path("collectedAt").asText()), e.path("actor").asText(), e.path("location").asText(), counts));
        });
        return new Incident(item.incidentId(), declaration, handling, IncidentLink.parseAll(item.links()), evidence,
                postmortem(doc.path("postmortem")), item.version(), item.timelineSeq());
    }

    private static String doc(Incident incident) {
        ObjectNode doc = Json.mapper().createObjectNode();
        Incident.Declaration d = incident.declaration();
        ArrayNode components = doc.putArray("components");
        d.components().forEach(c -> components.add(c.wire()));
        doc.put("detectedBy", d.detectedBy().wire());
        doc.put("firstSeenAt", SortableTime.format(d.firstSeenAt()));
        doc.put("usersAffected", d.impact().usersAffected());
        d.impact().description().ifPresent(v -> doc.put("impactDescription", v));
        doc.put("reportedBy", d.reportedBy());
        Incident.Handling h = incident.handling();
        doc.put("commander", h.commander());
        doc.put("commanderSource", h.commanderSource().name());
        h.closedAt().ifPresent(v -> doc.put("closedAt", SortableTime.format(v)));
        ArrayNode evidence = doc.putArray("evidence");
        for (Incident.EvidenceRecord e : incident.evidence()) {
            ObjectNode node = evidence.addObject();
            node.put("evidenceId", e.evidenceId());
            node.put("sha256", e.sha256());
            node.put("collectedAt", SortableTime.format(e.collectedAt()));
            node.put("actor", e.actor());
            node.put("location", e.location());
            ObjectNode counts = node.putObject("counts");
            e.counts().forEach(counts::put);
        }
        Postmortem pm = incident.postmortem();
        ObjectNode p = doc.putObject("postmortem");
        pm.owner().ifPresent(v -> p.put("owner", v));
        pm.dueAt().ifPresent(v -> p.put("dueAt", SortableTime.format(v)));
        pm.overdueNotifiedAt().ifPresent(v -> p.put("overdueNotifiedAt", SortableTime.format(v)));
        pm.written().ifPresent(w -> {
            ObjectNode written = p.putObject("written");
            w.rootCause().ifPresent(v -> written.put("rootCause", v));
            w.impact().ifPresent(v -> written.put("impact", v));
            w.resolution().ifPresent(v -> written.put("resolution", v));
            w.preventiveAction().ifPresent(v -> written.put("preventiveAction", v));
            ArrayNode actions = written.putArray("actions");
            w.actions().forEach(a -> actions.addObject().put("text", a.text()).put("owner", a.owner()).put("done", a.done()));
            written.put("at", SortableTime.format(w.at()));
            written.put("by", w.by());
        });
        return Json.write(doc);
    }

    private static Postmortem postmortem(JsonNode p) {
        Optional<Postmortem.Written> written = Optional.empty();
        JsonNode w = p.path("written");
        if (w.isObject()) {
            List<Postmortem.Action> actions = new ArrayList<>();
            w.path("actions").forEach(a -> actions.add(new Postmortem.Action(a.path("text").asText(), a.path("owner").asText(),
                    a.path("done").asBoolean())));
            written = Optional.of(new Postmortem.Written(text(w, "rootCause"), text(w, "impact"), text(w, "resolution"),
                    text(w, "preventiveAction"), actions, Instant.parse(w.path("at").asText()), w.path("by").asText()));
        }
        return new Postmortem(text(p, "owner"), instant(p, "dueAt"), written, instant(p, "overdueNotifiedAt"));
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Instant> instant(JsonNode node, String name) {
        return text(node, name).map(Instant::parse);
    }
}
