package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.Visibility;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/comments} (support, ops, super_admin) with {@code {"body","visibility"}}: 1 to
 * 5000 characters, INTERNAL (staff only) or USER (for the user; the first one is the first response). 200 with the
 * ticket; the comment is in its history. 409 when CLOSED.
 */
final class CommentAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/comments";
    private static final Set<String> FIELDS = Set.of("body", "visibility");
    static final int MAX_COMMENT = 5000;

    private final TicketDesk desk;

    CommentAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS,
                fields -> new Comment(fields.requiredText("body", 1, MAX_COMMENT), TicketRequests.enumField(fields, "visibility",
                        fields.requiredString("visibility"), Visibility.values(), Visibility::parse)),
                (ticketId, comment) -> desk.comment(ticketId, comment.visibility().get(), comment.body().get(),
                        TicketRequests.staff(desk, request)));
    }

    private record Comment(Optional<String> body, Optional<Visibility> visibility) {
    }
}
