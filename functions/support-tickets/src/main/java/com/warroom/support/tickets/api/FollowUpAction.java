package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/follow-up} (support, ops, super_admin) with {@code {"followedUp":true|false}}. 200 with the ticket; 409 when CLOSED.
 */
final class FollowUpAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/follow-up";
    private static final Set<String> FIELDS = Set.of("followedUp");

    private final TicketDesk desk;

    FollowUpAction(TicketDesk desk) {
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
        Optional<Boolean> followedUp = fields.requiredBoolean("followedUp");
        return TicketRequests.problem(fields).orElseGet(() -> TicketRequests.answer(
                desk.followUp(ticket.ticketId(), followedUp.get(), desk.staff(request.requireCaller(), TicketRequests.origin(request)))));
    }
}
