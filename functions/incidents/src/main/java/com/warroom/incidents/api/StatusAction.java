package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.model.Severity;
import com.warroom.incidents.store.IncidentStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/incidents/{id}/status} (ops, finance, super_admin) with {@code {"status","note","severity"?,
 * "postmortemOwner"?}}: one step in the SOP's order (any other move 409, nothing written); CLASSIFIED needs a severity,
 * RESOLVED on P0/P1 a post-mortem owner (422 naming the field). 200 with the incident and its timeline.
 */
final class StatusAction implements RouteAction {

    static final String ROUTE = "POST /v1/incidents/{id}/status";
    private static final Set<String> FIELDS = Set.of("status", "note", "severity", "postmortemOwner");

    private final IncidentDesk desk;
    private final IncidentStore store;
    private final Clock clock;

    StatusAction(IncidentDesk desk, IncidentStore store, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
    }

    private record Body(Optional<IncidentStatus> status, Optional<String> note, Optional<Severity> severity, Optional<String> owner) {
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.change(request, FIELDS, fields -> new Body(
                        fields.requiredString("status").flatMap(text -> {
                            Optional<IncidentStatus> known = IncidentStatus.parse(text);
                            if (known.isEmpty()) {
                                fields.reject("status", "must be one of " + Arrays.toString(IncidentStatus.values()));
                            }
                            return known;
                        }),
                        fields.requiredText("note", 1, IncidentRequests.MAX_NOTE),
                        fields.optionalString("severity").flatMap(text -> {
                            Optional<Severity> known = Severity.parse(text);
                            if (known.isEmpty()) {
                                fields.reject("severity", Severity.RULE);
                            }
                            return known;
                        }),
                        IncidentRequests.person(fields, "postmortemOwner", fields.optionalString("postmortemOwner"))),
                (id, body) -> IncidentRequests.answer(desk.move(id, new IncidentDesk.StatusMove(body.status().get(), body.note().get(),
                                body.severity(), body.owner()), IncidentRequests.staff(desk, request)), 200,
                        done -> IncidentRequests.withTimeline(done.incident(), store, clock),
                        unchanged -> IncidentRequests.withTimeline(unchanged.incident(), store, clock)));
    }
}
