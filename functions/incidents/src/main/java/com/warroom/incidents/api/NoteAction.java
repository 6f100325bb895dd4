package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.incidents.desk.IncidentDesk;
import java.util.Set;

/**
 * {@code POST /v1/incidents/{id}/notes} (ops, finance, super_admin, support) with {@code {"text"}} (1 to 5000
 * characters): 201 with the timeline entry; 409 when CLOSED.
 */
final class NoteAction implements RouteAction {

    static final String ROUTE = "POST /v1/incidents/{id}/notes";
    static final int MAX_TEXT = 5000;
    private static final Set<String> FIELDS = Set.of("text");

    private final IncidentDesk desk;

    NoteAction(IncidentDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.change(request, FIELDS, fields -> fields.requiredText("text", 1, MAX_TEXT),
                (id, text) -> IncidentRequests.answer(desk.note(id, text.get(), IncidentRequests.staff(desk, request)), 201,
                        done -> done.added().getFirst().view(), unchanged -> unchanged.incident().incidentId()));
    }
}
