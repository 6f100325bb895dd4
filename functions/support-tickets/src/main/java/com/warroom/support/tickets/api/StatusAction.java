package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.TicketStatus;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/status} (support, ops, super_admin) with {@code {"status","note"}} (note
 * optional, up to 2000 characters; required to reopen). Staff move OPEN → IN_PROGRESS → RESOLVED and reopen RESOLVED →
 * IN_PROGRESS; any other move (CLOSED included, which only the user or the keeper makes) is 409 {@code
 * status-not-allowed} and nothing is written.
 */
final class StatusAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/status";
    private static final Set<String> FIELDS = Set.of("status", "note");

    private final TicketDesk desk;

    StatusAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS,
                fields -> new Move(TicketRequests.enumField(fields, "status", fields.requiredString("status"), TicketStatus.values(),
                        TicketStatus::parse), fields.optionalText("note", 1, TicketRequests.MAX_NOTE)),
                (ticketId, move) -> desk.moveStatus(ticketId, move.status().get(), move.note(), TicketRequests.staff(desk, request)));
    }

    private record Move(Optional<TicketStatus> status, Optional<String> note) {
    }
}
