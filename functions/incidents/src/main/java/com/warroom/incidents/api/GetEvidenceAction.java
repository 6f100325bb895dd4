package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.evidence.EvidenceCollector;
import com.warroom.incidents.evidence.EvidenceTampered;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.store.IncidentStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/incidents/{id}/evidence/{evidenceId}} (ops, finance, super_admin): the bundle exactly as hashed (its
 * SHA-256 is the one in the timeline), checked against the hash the incident recorded. 404 when the incident did not
 * record it; 409 {@code evidence-tampered} when the stored bytes no longer match.
 */
final class GetEvidenceAction implements RouteAction {

    static final String ROUTE = "GET /v1/incidents/{id}/evidence/{evidenceId}";
    private static final Logger LOG = LoggerFactory.getLogger(GetEvidenceAction.class);

    private final IncidentStore store;
    private final EvidenceCollector collector;

    GetEvidenceAction(IncidentStore store, EvidenceCollector collector) {
        this.store = store;
        this.collector = collector;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        String id = request.pathParameters().get("id");
        String evidenceId = request.pathParameters().get("evidenceId");
        if (id == null || !IncidentItem.ID.matcher(id).matches()) {
            params.reject("id", IncidentItem.ID_RULE);
        }
        if (evidenceId == null || !EvidenceCollector.EVIDENCE_ID.matcher(evidenceId).matches()) {
            params.reject("evidenceId", "must be an evidence id: evd- and 32 hex digits");
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Optional<Incident.EvidenceRecord> recorded = store.find(id)
                .flatMap(incident -> incident.evidence().stream().filter(e -> e.evidenceId().equals(evidenceId)).findFirst());
        if (recorded.isEmpty()) {
            return ApiResult.problem(Problem.notFound("incident " + id + " records no evidence " + evidenceId));
        }
        try {
            return collector.read(id, evidenceId, Optional.of(recorded.get().sha256()))
                    .map(bytes -> ApiResult.text("application/json", new String(bytes, StandardCharsets.UTF_8)))
                    .orElseGet(() -> ApiResult.problem(Problem.of(409, "evidence-missing", "The evidence bundle is missing",
                            "incident " + id + " recorded evidence " + evidenceId + " but the bucket does not hold it; see the runbook")));
        } catch (EvidenceTampered e) {
            LOG.error("incident {}: evidence {} does not match its hash", id, evidenceId, e);
            return ApiResult.problem(Problem.of(409, "evidence-tampered", "The evidence bundle does not match its hash",
                    "the stored bytes of evidence " + evidenceId + " no longer hash to what incident " + id + " recorded"));
        }
    }
}
