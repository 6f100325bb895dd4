package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.HistoryEntry;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.store.TicketStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/support/tickets/{id}} (support, ops, super_admin): the ticket and its history, oldest first; 404
 * unknown.
 */
final class GetTicketAction implements RouteAction {

    static final String ROUTE = "GET /v1/support/tickets/{id}";

    private final TicketStore store;

    GetTicketAction(TicketStore store) {
        this.store = store;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        String id = request.pathParameters().get("id");
        if (id == null || !Ticket.ID.matcher(id).matches()) {
            params.reject("id", "must be a ticket id: tkt- and 32 hex digits");
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Optional<Ticket> ticket = store.find(id);
        if (ticket.isEmpty()) {
            return ApiResult.problem(Problem.notFound("no ticket " + id));
        }
        Map<String, Object> body = new LinkedHashMap<>(ticket.get().view(TicketRequests.masked(request)));
        body.put("history", store.history(id).stream().map(HistoryEntry::view).toList());
        return ApiResult.ok(body);
    }
}
