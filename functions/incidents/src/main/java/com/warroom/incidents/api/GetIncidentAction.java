package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.incidents.store.IncidentStore;
import java.time.Clock;

/** {@code GET /v1/incidents/{id}} (ops, finance, super_admin, support): the incident and its timeline, oldest first; 404 unknown. */
final class GetIncidentAction implements RouteAction {

    static final String ROUTE = "GET /v1/incidents/{id}";

    private final IncidentStore store;
    private final Clock clock;

    GetIncidentAction(IncidentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.read(request, store, incident -> ApiResult.ok(IncidentRequests.withTimeline(incident, store, clock)));
    }
}
