package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.report.PostmortemDocument;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.payments.SortableTime;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/incidents/{id}/postmortem} (ops, finance, super_admin, support): {@code {"incidentId","dueAt","overdue",
 * "owner","complete","markdown"}}, the SOP's template filled in from the incident and its timeline.
 */
final class GetPostmortemAction implements RouteAction {

    static final String ROUTE = "GET /v1/incidents/{id}/postmortem";

    private final IncidentStore store;
    private final Clock clock;

    GetPostmortemAction(IncidentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.read(request, store, incident -> ApiResult.ok(body(incident, store, clock)));
    }

    static Map<String, Object> body(Incident incident, IncidentStore store, Clock clock) {
        Instant now = SortableTime.now(clock);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentId", incident.incidentId());
        body.put("dueAt", incident.postmortem().dueAt().map(SortableTime::format).orElse(null));
        body.put("overdue", incident.postmortemOverdue(now));
        body.put("owner", incident.postmortem().owner().orElse(null));
        body.put("complete", incident.postmortem().complete());
        body.put("markdown", PostmortemDocument.markdown(incident, store.timeline(incident.incidentId())));
        return body;
    }
}
