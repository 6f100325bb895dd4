package com.warroom.incidents.keeper;

import com.warroom.incidents.TimelineEntry;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.observability.OpsMetrics;
import com.warroom.observability.WarRoomNotices;
import com.warroom.payments.SortableTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The hourly round over RESOLVED and CLOSED incidents: a P0/P1 post-mortem not written 48 hours after RESOLVED is told
 * to the war room once (the incident records it, with an OVERDUE timeline entry, before the notice goes: of two rounds
 * one wins), and {@value #OVERDUE_METRIC} says how many are overdue now (the alarm watches it).
 */
public final class IncidentKeeper {

    public static final String ACTOR = "incident-keeper";
    public static final String OVERDUE_METRIC = "PostmortemsOverdue";
    /** Counted when an overdue notice could not be published (the timeline still says it is overdue). */
    public static final String NOTICE_FAILED_METRIC = "PostmortemNoticeFailed";

    private final IncidentStore store;
    private final WarRoomNotices notices;
    private final Clock clock;

    public IncidentKeeper(IncidentStore store, WarRoomNotices notices, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.clock = clock;
    }

    /** What one round saw: every incident whose post-mortem is overdue, and those told to the war room this round. */
    public record Round(List<String> overdue, List<String> notified) {
    }

    public Round run() {
        Instant now = SortableTime.now(clock);
        List<String> overdue = new ArrayList<>();
        List<String> notified = new ArrayList<>();
        for (IncidentStatus status : List.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED)) {
            for (Incident incident : store.all(status)) {
                if (!incident.postmortemOverdue(now)) {
                    continue;
                }
                overdue.add(incident.incidentId());
                if (incident.postmortem().overdueNotifiedAt().isEmpty() && markOverdue(incident, now)) {
                    notified.add(incident.incidentId());
                    if (!notices.publish("Post-mortem overdue: " + incident.incidentId(), notice(incident))) {
                        OpsMetrics.count(NOTICE_FAILED_METRIC);
                    }
                }
            }
        }
        OpsMetrics.measure(OVERDUE_METRIC, overdue.size(), MetricUnit.COUNT, Map.of());
        return new Round(overdue, notified);
    }

    // false when the incident moved meanwhile (a post-mortem written, another round): the next round decides again
    private boolean markOverdue(Incident incident, Instant now) {
        String text = "post-mortem overdue: due " + SortableTime.format(incident.postmortem().dueAt().orElseThrow()) + ", owner "
                + incident.postmortem().owner().orElse("none");
        return store.write(incident.withPostmortem(incident.postmortem().overdueNotified(now)),
                List.of(TimelineEntry.Draft.of(TimelineEntry.Kind.OVERDUE, ACTOR, now, text)));
    }

    private static String notice(Incident incident) {
        return "The post-mortem of incident " + incident.incidentId() + " (" + incident.severity().map(Enum::name).orElse("?") + ", "
                + incident.declaration().title() + ") was due " + SortableTime.format(incident.postmortem().dueAt().orElseThrow())
                + ", 48 hours after it was RESOLVED (" + incident.handling().resolvedAt().map(SortableTime::format).orElse("?")
                + "). Owner: " + incident.postmortem().owner().orElse("none") + ". Write it: POST /v1/incidents/"
                + incident.incidentId() + "/postmortem.";
    }

    /** Reads only, for SnapStart priming: the RESOLVED listing through the schema and client the round uses. */
    public void prime() {
        store.page(java.util.Optional.of(IncidentStatus.RESOLVED), 1, java.util.Optional.empty());
    }
}
