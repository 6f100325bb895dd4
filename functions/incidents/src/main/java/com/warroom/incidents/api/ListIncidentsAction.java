package com.warroom.incidents.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.incidents.model.IncidentStatus;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.payments.SortableTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/incidents?status=&limit=&cursor=} (ops, finance, super_admin, support): {@code {"items":[incident
 * without timeline],"nextCursor"}}, newest detected first; {@code limit} 1 to 100 (25); {@code nextCursor} works only
 * with the same status.
 */
final class ListIncidentsAction implements RouteAction {

    static final String ROUTE = "GET /v1/incidents";
    private static final Set<String> PARAMETERS = Set.of("status", "limit", "cursor");

    private final IncidentStore store;
    private final Clock clock;

    ListIncidentsAction(IncidentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), PARAMETERS);
        Optional<IncidentStatus> status = request.queryParam("status").flatMap(text -> {
            Optional<IncidentStatus> known = IncidentStatus.parse(text);
            if (known.isEmpty()) {
                params.reject("status", "must be one of " + Arrays.toString(IncidentStatus.values()));
            }
            return known;
        });
        int limit = params.optionalLong("limit", 1, IncidentStore.MAX_LIMIT).map(Long::intValue).orElse(IncidentStore.DEFAULT_LIMIT);
        Optional<String> cursor = request.queryParam("cursor");
        if (params.valid() && cursor.isPresent() && !store.acceptsCursor(status, cursor.get())) {
            params.reject("cursor", "is not a cursor of this listing (the same status); pass the nextCursor of the previous answer as it is");
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Instant now = SortableTime.now(clock);
        IncidentStore.Listing page = store.page(status, limit, cursor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(i -> i.view(now)).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return ApiResult.ok(body);
    }
}
