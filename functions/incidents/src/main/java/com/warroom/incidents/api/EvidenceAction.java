package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.evidence.Evidence;
import com.warroom.incidents.evidence.EvidenceCollector;
import com.warroom.incidents.evidence.EvidenceRequest;
import com.warroom.incidents.evidence.EvidenceUnavailable;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/incidents/{id}/evidence} (ops, finance, super_admin) with {@code {"orderIds","payoutIds","userIds",
 * "findingIds","ticketIds","flagKeys","from","to"}}: snapshots the related rows and log lines into one write-once bundle
 * and records it on the incident (its SHA-256 in the timeline). 201 {@code {"evidenceId","sha256","location",
 * "collectedAt","counts"}}; 404 unknown incident, 409 CLOSED, 503 when a source cannot be read (no bundle then).
 */
final class EvidenceAction implements RouteAction {

    static final String ROUTE = "POST /v1/incidents/{id}/evidence";
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceAction.class);

    private final IncidentDesk desk;
    private final IncidentStore store;
    private final EvidenceCollector collector;

    EvidenceAction(IncidentDesk desk, IncidentStore store, EvidenceCollector collector) {
        this.desk = desk;
        this.store = store;
        this.collector = collector;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        String id = request.pathParameters().get("id");
        if (id == null || !IncidentItem.ID.matcher(id).matches()) {
            params.reject("id", IncidentItem.ID_RULE);
        }
        if (BodyFields.parseOpen(request.body()) instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        EvidenceRequest.Parsed parsed = EvidenceRequest.parse(Json.readTree(request.body()));
        if (parsed instanceof EvidenceRequest.Parsed.Invalid invalid) {
            invalid.errors().forEach(e -> params.reject(e.field(), e.message()));
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        // collected only for an incident that can still record it: a bundle is never deleted
        Optional<Incident> incident = store.find(id);
        if (incident.isEmpty()) {
            return ApiResult.problem(Problem.notFound("no incident " + id));
        }
        if (incident.get().status() == IncidentStatus.CLOSED) {
            return ApiResult.problem(Problem.of(409, "incident-closed", "The incident is closed", "incident " + id
                    + " is CLOSED; evidence is collected while it is handled"));
        }
        IncidentDesk.Staff staff = IncidentRequests.staff(desk, request);
        Evidence evidence;
        try {
            evidence = collector.collect(id, ((EvidenceRequest.Parsed.Valid) parsed).request(), staff.caller().sub());
        } catch (EvidenceUnavailable e) {
            LOG.error("incident {}: evidence could not be collected", id, e);
            return ApiResult.problem(Problem.unavailable("a source of the evidence could not be read, so no bundle was stored; try again"));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        evidence.counts().forEach((kind, count) -> counts.put(kind, count.longValue()));
        Incident.EvidenceRecord record = new Incident.EvidenceRecord(evidence.evidenceId(), evidence.sha256(), evidence.collectedAt(),
                evidence.actor(), evidence.location(), counts);
        return IncidentRequests.answer(desk.recordEvidence(id, record, staff), 201, done -> view(record), unchanged -> view(record));
    }

    private static Map<String, Object> view(Incident.EvidenceRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evidenceId", record.evidenceId());
        body.put("sha256", record.sha256());
        body.put("location", record.location());
        body.put("collectedAt", SortableTime.format(record.collectedAt()));
        body.put("counts", record.counts());
        return body;
    }
}
