package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/reproduced} (support, ops, super_admin) with {@code {"note"}} (optional, up to
 * 2000 characters): a BUG marked reproduced. 409 {@code not-a-bug}, {@code already-reproduced}, {@code ticket-closed}.
 */
final class ReproducedAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/reproduced";
    private static final Set<String> FIELDS = Set.of("note");

    private final TicketDesk desk;

    ReproducedAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS, fields -> fields.optionalText("note", 1, TicketRequests.MAX_NOTE),
                (ticketId, note) -> desk.markReproduced(ticketId, note, TicketRequests.staff(desk, request)));
    }
}
