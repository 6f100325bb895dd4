package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.payments.SortableTime;
import com.warroom.support.tickets.metrics.TicketMetrics;
import com.warroom.support.tickets.store.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/support/metrics?from=&to=} (support, ops, super_admin): the {@link TicketMetrics} of the tickets
 * created
 * in [{@code from}, {@code to}) (ISO-8601; {@code to} defaults to now, {@code from} to 30 days before {@code to}; at
 * most
 * 366 days).
 */
final class MetricsAction implements RouteAction {

    static final String ROUTE = "GET /v1/support/metrics";
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final TicketStore store;
    private final Clock clock;

    MetricsAction(TicketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("from", "to"));
        Optional<Instant> from = ListTicketsAction.instant(params, request, "from");
        Optional<Instant> to = ListTicketsAction.instant(params, request, "to");
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Instant end = to.orElse(SortableTime.now(clock));
        Instant start = from.orElse(end.minus(DEFAULT_WINDOW));
        if (!start.isBefore(end)) {
            return ApiResult.problem(Problem.invalidField("to", "must be after from"));
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            return ApiResult.problem(Problem.invalidField("from", "the window is at most 366 days"));
        }
        return ApiResult.ok(TicketMetrics.of(store.createdBetween(start, end), start, end));
    }
}
