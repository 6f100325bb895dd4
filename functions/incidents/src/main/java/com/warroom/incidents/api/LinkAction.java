package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.RouteAction;
import com.warroom.incidents.IncidentLink;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.store.IncidentStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/incidents/{id}/links} (ops, finance, super_admin) with {@code {"kind":"finding|order|payout|ticket",
 * "id"}}: the thing must exist (422 naming id). 201 with the incident when linked, 200 when it was linked already; 409
 * when CLOSED. Kill-switch changes are linked by the kill-switch route itself ({@code incidentId}).
 */
final class LinkAction implements RouteAction {

    static final String ROUTE = "POST /v1/incidents/{id}/links";
    private static final Set<String> FIELDS = Set.of("kind", "id");
    private static final Pattern TARGET_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final IncidentDesk desk;
    private final IncidentStore store;
    private final Clock clock;

    LinkAction(IncidentDesk desk, IncidentStore store, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
    }

    private record Target(IncidentLink.Kind kind, String id) {
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return IncidentRequests.change(request, FIELDS, LinkAction::target,
                (incidentId, target) -> IncidentRequests.answer(desk.link(incidentId, target.get().kind(), target.get().id(),
                                IncidentRequests.staff(desk, request)), 201,
                        done -> IncidentRequests.withTimeline(done.incident(), store, clock),
                        unchanged -> IncidentRequests.withTimeline(unchanged.incident(), store, clock)));
    }

    private static Optional<Target> target(BodyFields fields) {
        Optional<IncidentLink.Kind> kind = fields.requiredString("kind").flatMap(text -> {
            Optional<IncidentLink.Kind> known = IncidentLink.Kind.parse(text).filter(k -> k != IncidentLink.Kind.FLAG);
            if (known.isEmpty()) {
                fields.reject("kind", "must be finding, order, payout or ticket (a kill switch is linked by its own route, with incidentId)");
            }
            return known;
        });
        Optional<String> id = fields.requiredString("id").filter(text -> {
            boolean valid = TARGET_ID.matcher(text).matches();
            if (!valid) {
                fields.reject("id", "must be 1 to 128 of letters, digits and . _ : @ -");
            }
            return valid;
        });
        return kind.isPresent() && id.isPresent() ? Optional.of(new Target(kind.get(), id.get())) : Optional.empty();
    }
}
