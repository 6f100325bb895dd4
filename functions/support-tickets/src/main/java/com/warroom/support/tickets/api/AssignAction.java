package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/support/tickets/{id}/assign} (support, ops, super_admin) with {@code {"assignee"}}: a staff member's
 * id (1 to 128 of letters, digits and . _ @ : -), or {@code null} to unassign. 200 with the ticket; 409 when CLOSED.
 */
final class AssignAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/assign";
    private static final Set<String> FIELDS = Set.of("assignee");
    static final Pattern ASSIGNEE = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    static final String ASSIGNEE_RULE = "must be a staff member's id: 1 to 128 of letters, digits and . _ @ : -";

    private final TicketDesk desk;

    AssignAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS, fields -> assignee(fields, request),
                (ticketId, assignee) -> desk.assign(ticketId, assignee, TicketRequests.staff(desk, request)));
    }

    // null unassigns, so the field must be there: an absent one is a mistake, not a request to unassign
    private static Optional<String> assignee(BodyFields fields, ApiRequest request) {
        if (!Json.readTree(request.body()).has("assignee")) {
            fields.reject("assignee", "is required (null to unassign)");
            return Optional.empty();
        }
        return fields.optionalString("assignee").filter(a -> {
            boolean valid = ASSIGNEE.matcher(a).matches();
            if (!valid) {
                fields.reject("assignee", ASSIGNEE_RULE);
            }
            return valid;
        });
    }
}
