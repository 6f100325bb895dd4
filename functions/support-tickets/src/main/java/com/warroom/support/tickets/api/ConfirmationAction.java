package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/confirmation} (service, for the ticket's user) with {@code
 * {"rating":1..5,"comment"}} (comment optional, up to 1000 characters): the user confirms a RESOLVED ticket, which is
 * CLOSED with the rating (CSAT). 409 {@code not-resolved} otherwise.
 */
final class ConfirmationAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/confirmation";
    private static final Set<String> FIELDS = Set.of("rating", "comment");
    static final int MAX_COMMENT = 1000;

    private final TicketDesk desk;

    ConfirmationAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS,
                fields -> new Confirmation(rating(fields), fields.optionalText("comment", 1, MAX_COMMENT)),
                (ticketId, confirmation) -> desk.confirm(ticketId, confirmation.rating().get(), confirmation.comment(),
                        request.requireCaller()));
    }

    private record Confirmation(Optional<Integer> rating, Optional<String> comment) {
    }

    private static Optional<Integer> rating(BodyFields fields) {
        return fields.requiredValue("rating").flatMap(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 5) {
                fields.reject("rating", "must be a whole number from 1 to 5");
                return Optional.empty();
            }
            return Optional.of(value.intValue());
        });
    }
}
