package com.warroom.incidents.report;

import com.warroom.incidents.TimelineEntry;
import com.warroom.incidents.model.Component;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.Postmortem;
import com.warroom.payments.SortableTime;
import java.util.List;
import java.util.Optional;

/**
 * The payment SOP's post-mortem template as Markdown, filled in from the incident: incident id, date/time, severity,
 * detected by, root cause, impact, resolution, preventive action, owner; the timeline as the incident recorded it; the
 * follow-up actions as a checklist with owners. A section not written yet says so.
 */
public final class PostmortemDocument {

    static final String NOT_WRITTEN = "_(not written yet)_";

    private PostmortemDocument() {
    }

    public static String markdown(Incident incident, List<TimelineEntry> timeline) {
        Postmortem pm = incident.postmortem();
        Optional<Postmortem.Written> w = pm.written();
        StringBuilder md = new StringBuilder();
        md.append("# Post-mortem: ").append(inline(incident.declaration().title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Incident ID", incident.incidentId());
        row(md, "Date/time", "first seen " + SortableTime.format(incident.declaration().firstSeenAt()) + ", detected "
                + SortableTime.format(incident.declaration().detectedAt())
                + incident.handling().resolvedAt().map(r -> ", resolved " + SortableTime.format(r)).orElse(""));
        row(md, "Severity", incident.severity().map(s -> s.name() + " (" + s.label() + ")").orElse("not classified"));
        row(md, "Detected by", incident.declaration().detectedBy().wire());
        row(md, "Components", String.join(", ", incident.declaration().components().stream().map(Component::wire).toList()));
        row(md, "Commander", incident.handling().commander());
        row(md, "Owner", pm.owner().orElse("not assigned"));
        row(md, "Due", pm.dueAt().map(SortableTime::format).orElse("no due date"));
        md.append('\n');
        section(md, "Root cause", w.flatMap(Postmortem.Written::rootCause));
        section(md, "Impact", w.flatMap(Postmortem.Written::impact).or(() -> Optional.of(incident.declaration().impact().usersAffected()
                + " users affected" + incident.declaration().impact().description().map(d -> ": " + d).orElse(""))));
        section(md, "Resolution", w.flatMap(Postmortem.Written::resolution));
        section(md, "Preventive action", w.flatMap(Postmortem.Written::preventiveAction));
        md.append("## Timeline\n\n| # | Time (UTC) | Who | What |\n|---|---|---|---|\n");
        for (TimelineEntry e : timeline) {
            md.append("| ").append(e.seq()).append(" | ").append(e.at()).append(" | ").append(cell(e.actor())).append(" | ")
                    .append(e.kind()).append(": ").append(cell(e.text())).append(" |\n");
        }
        md.append("\n## Follow-up actions\n\n");
        List<Postmortem.Action> actions = w.map(Postmortem.Written::actions).orElse(List.of());
        if (actions.isEmpty()) {
            md.append(NOT_WRITTEN).append('\n');
        }
        for (Postmortem.Action a : actions) {
            md.append("- [").append(a.done() ? 'x' : ' ').append("] ").append(inline(a.text())).append(" (owner: ")
                    .append(inline(a.owner())).append(")\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static void section(StringBuilder md, String name, Optional<String> text) {
        md.append("## ").append(name).append("\n\n").append(text.orElse(NOT_WRITTEN)).append("\n\n");
    }

    // a table cell is one line without a bare |
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
