package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.RouteAction;
import com.warroom.support.TicketPriority;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/priority} (support, ops, super_admin) with {@code {"priority"}}: CRITICAL, HIGH, MEDIUM or LOW. 200 with the ticket (unchanged when it had that priority); 409 when CLOSED.
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
        Object parsed = TicketRequests.parse(request, FIELDS);
        if (parsed instanceof ApiResult problem) {
            return problem;
        }
        TicketRequests.Parsed ticket = (TicketRequests.Parsed) parsed;
        BodyFields fields = ticket.fields();
        Optional<TicketPriority> priority = TicketRequests.enumField(fields, "priority", fields.requiredString("priority"),
                TicketPriority.values(), TicketPriority::parse);
        return TicketRequests.problem(fields).orElseGet(() -> TicketRequests.answer(
                desk.setPriority(ticket.ticketId(), priority.get(), desk.staff(request.requireCaller(), TicketRequests.origin(request)))));
    }
}
