package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketStatus;
import com.warroom.support.tickets.TicketType;
import com.warroom.support.tickets.store.TicketQuery;
import com.warroom.support.tickets.store.TicketStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/support/tickets?status=&type=&priority=&assignee=&followedUp=&userId=&from=&to=&sort=&limit=&cursor=}
 * (support, ops, super_admin): {@code {"items":[ticket],"nextCursor"}}. Every filter is optional and all must hold;
 * {@code from} (inclusive) and {@code to} (exclusive) bound the creation time (ISO-8601). {@code sort} is
 * {@code -createdAt} (default, newest first), {@code createdAt}, {@code priority} (CRITICAL first, newest first within
 * a
 * priority) or {@code -priority} (LOW first). {@code limit} 1 to 100 (25). A page may hold fewer items than the limit
 * while {@code nextCursor} says there is more; {@code nextCursor} works only with the same filters and sort.
 */
final class ListTicketsAction implements RouteAction {

    static final String ROUTE = "GET /v1/support/tickets";
    private static final Set<String> PARAMETERS = Set.of("status", "type", "priority", "assignee", "followedUp", "userId", "from",
            "to", "sort", "limit", "cursor");

    private final TicketStore store;

    ListTicketsAction(TicketStore store) {
        this.store = store;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), PARAMETERS);
        Optional<TicketStatus> status = known(params, request, "status", TicketStatus.values(), TicketStatus::parse);
        Optional<TicketType> type = known(params, request, "type", TicketType.values(), TicketType::parse);
        Optional<TicketPriority> priority = known(params, request, "priority", TicketPriority.values(), TicketPriority::parse);
        Optional<String> assignee = request.queryParam("assignee").filter(a -> {
            boolean valid = AssignAction.ASSIGNEE.matcher(a).matches();
            if (!valid) {
                params.reject("assignee", AssignAction.ASSIGNEE_RULE);
            }
            return valid;
        });
        Optional<Boolean> followedUp = request.queryParam("followedUp").flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                params.reject("followedUp", "must be true or false");
                yield Optional.empty();
            }
        });
        Optional<String> userId = request.queryParam("userId").filter(id -> {
            boolean valid = Ticket.USER_ID.matcher(id).matches();
            if (!valid) {
                params.reject("userId", "must be 1 to 100 of letters, digits and . _ @ -");
            }
            return valid;
        });
        Optional<Instant> from = instant(params, request, "from");
        Optional<Instant> to = instant(params, request, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            params.reject("to", "must be after from");
        }
        Optional<TicketQuery.Sort> sort = request.queryParam("sort").flatMap(text -> {
            Optional<TicketQuery.Sort> known = TicketQuery.Sort.parse(text);
            if (known.isEmpty()) {
                params.reject("sort", "must be one of " + Arrays.stream(TicketQuery.Sort.values()).map(TicketQuery.Sort::wire)
                        .collect(Collectors.joining(", ")));
            }
            return known;
        });
        int limit = params.optionalLong("limit", 1, TicketQuery.MAX_LIMIT).map(Long::intValue).orElse(TicketQuery.DEFAULT_LIMIT);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        TicketQuery query = new TicketQuery(new TicketQuery.Filters(status, type, priority, assignee, followedUp, userId, from, to),
                sort.orElse(TicketQuery.Sort.CREATED_NEWEST_FIRST), limit);
        Optional<String> cursor = request.queryParam("cursor");
        if (cursor.isPresent() && !store.acceptsCursor(query, cursor.get())) {
            return ApiResult.problem(Problem.invalidField("cursor", "is not a cursor of this listing (the same filters and sort); "
                    + "pass the nextCursor of the previous answer as it is"));
        }
        TicketStore.Page page = store.page(query, cursor);
        Map<String, Object> body = new LinkedHashMap<>();
        boolean masked = TicketRequests.masked(request);
        body.put("items", page.items().stream().map(t -> t.view(masked)).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return ApiResult.ok(body);
    }

    private static <E extends Enum<E>> Optional<E> known(QueryParams params, ApiRequest request, String name, E[] values,
                                                         Function<String, Optional<E>> parse) {
        return request.queryParam(name).flatMap(text -> {
            Optional<E> known = parse.apply(text);
            if (known.isEmpty()) {
                params.reject(name, "must be one of " + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
            }
            return known;
        });
    }

    static Optional<Instant> instant(QueryParams params, ApiRequest request, String name) {
        return request.queryParam(name).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                params.reject(name, "must be an ISO-8601 UTC time such as 2026-12-01T00:00:00Z");
                return Optional.empty();
            }
        });
    }
}
