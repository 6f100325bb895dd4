package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/priority} (support, ops, super_admin) with {@code {"priority"}}: CRITICAL, HIGH,
 * MEDIUM or LOW. 200 with the ticket (unchanged when it had that priority); 409 when CLOSED.
 */
final class SetPriorityAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/priority";
    private static final Set<String> FIELDS = Set.of("priority");

    private final TicketDesk desk;

    SetPriorityAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS,
                fields -> TicketRequests.enumField(fields, "priority", fields.requiredString("priority"), TicketPriority.values(),
                        TicketPriority::parse),
                (ticketId, priority) -> desk.setPriority(ticketId, priority.get(), TicketRequests.staff(desk, request)));
    }
}
