package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/fixed} (support, ops, super_admin) with {@code {"note"}} (optional): a
 * reproduced BUG marked fixed, and its reporter granted the EXP of its priority, once (the ticket shows {@code exp};
 * {@code expPending} while the keeper has a failed grant to finish). 409 {@code not-a-bug}, {@code not-reproduced},
 * {@code already-fixed}, {@code ticket-closed}.
 */
final class FixedAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/fixed";
    private static final Set<String> FIELDS = Set.of("note");

    private final TicketDesk desk;

    FixedAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS, fields -> fields.optionalText("note", 1, TicketRequests.MAX_NOTE),
                (ticketId, note) -> desk.markFixed(ticketId, note, TicketRequests.staff(desk, request)));
    }
}
