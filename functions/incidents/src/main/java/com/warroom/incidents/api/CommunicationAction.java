package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.incidents.report.StatusUpdate;
import com.warroom.incidents.store.IncidentStore;

/**
 * {@code GET /v1/incidents/{id}/communication} (ops, finance, super_admin, support): {@code {"incidentId","internal",
 * "user":{"id","en"}}}, the status updates filled in from the incident, free of technical details.
 */
final class CommunicationAction implements RouteAction {

    static final String ROUTE = "GET /v1/incidents/{id}/communication";

    private final IncidentStore store;

    CommunicationAction(IncidentStore store) {
        this.store = store;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.read(request, store, incident -> ApiResult.ok(StatusUpdate.of(incident)));
    }
}
