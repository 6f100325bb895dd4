package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/follow-up} (support, ops, super_admin) with {@code {"followedUp":true|false}}.
 * 200 with the ticket; 409 when CLOSED.
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
        return TicketRequests.change(request, FIELDS, fields -> fields.requiredBoolean("followedUp"),
                (ticketId, followedUp) -> desk.followUp(ticketId, followedUp.get(), TicketRequests.staff(desk, request)));
    }
}
