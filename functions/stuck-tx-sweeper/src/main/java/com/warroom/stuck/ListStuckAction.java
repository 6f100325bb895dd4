package com.warroom.stuck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.payments.SortableTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code GET /v1/admin/stuck?limit=} (ops, finance, support, super_admin): {@code {"items":[...],"asOf"}}, the
 * {@code limit} (1–100, default 20) oldest non-final payouts and PENDING orders, oldest first, each
 * {@code {"kind","id","status","userId","amount","asset"|"currency","since","ageSeconds","stuck","reason"?}}.
 * {@code ageSeconds} is never negative: a HELD payout whose cooling-off has not ended yet is 0 seconds old.
 */
final class ListStuckAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/stuck";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final StuckList stuck;

    ListStuckAction(StuckList stuck) {
        this.stuck = stuck;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("limit"));
        int limit = params.optionalLong("limit", 1, MAX_LIMIT).map(Long::intValue).orElse(DEFAULT_LIMIT);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        StuckList.Listing listing = stuck.oldest(limit);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        listing.items().forEach(item -> items.add(view(item, listing.asOf())));
        body.put("asOf", SortableTime.format(listing.asOf()));
        return ApiResult.ok(body);
    }

    private static ObjectNode view(StuckItem item, Instant asOf) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("kind", item.kind().label());
        view.put("id", item.id());
        view.put("status", item.status());
        view.put("userId", item.userId());
        view.put("amount", DecimalAmount.format(item.amount()));
        view.put(item.kind().unitField(), item.amount().currency());
        view.put("since", SortableTime.format(item.since()));
        view.put("ageSeconds", Math.max(0, Duration.between(item.since(), asOf).toSeconds()));
        view.put("stuck", item.stuck());
        item.reason().ifPresent(reason -> view.put("reason", reason));
        return view;
    }
}
