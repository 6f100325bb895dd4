package com.warroom.reconcile.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.reconcile.report.RunView;
import com.warroom.reconcile.run.ReconcileDay;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.RunStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * {@code GET /v1/admin/reconcile/runs?days=&limit=} (ops, finance, super_admin): {@code {"items":[run],"today"}}, the
 * runs of the last {@code days} days (1 to 90, default 7; today in Asia/Jakarta counts as one) newest first, at most
 * {@code limit} (1 to 100, default 50). Each run as {@code GET /v1/admin/reconcile/runs/{id}} begins: status, times,
 * summary counts, error, and the report's path once COMPLETED.
 */
final class ListRunsAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/reconcile/runs";
    private static final Set<String> PARAMETERS = Set.of("days", "limit");

    private final RunStore runs;
    private final Clock clock;

    ListRunsAction(RunStore runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), PARAMETERS);
        int days = params.optionalLong("days", 1, 90).map(Long::intValue).orElse(7);
        int limit = params.optionalLong("limit", 1, 100).map(Long::intValue).orElse(50);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        LocalDate today = ReconcileDay.today(clock);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("today", today.toString());
        ArrayNode items = body.putArray("items");
        for (int back = 0; back < days && items.size() < limit; back++) {
            for (ReconcileRun run : runs.ofDay(today.minusDays(back))) {
                if (items.size() == limit) {
                    break;
                }
                items.add(RunView.of(run));
            }
        }
        return ApiResult.ok(body);
    }
}
