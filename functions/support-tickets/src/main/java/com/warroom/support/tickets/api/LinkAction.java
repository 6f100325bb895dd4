package com.warroom.support.tickets.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.RouteAction;
import com.warroom.support.tickets.TicketLink;
import com.warroom.support.tickets.desk.TicketDesk;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/support/tickets/{id}/links} (support, ops, super_admin) with {@code
 * {"kind":"finding"|"incident","id"}}: a reconcile finding ({@code f-} and 32 hex digits; it must exist: else 422
 * naming id) or an incident ({@code inc-} and 32 hex digits; it must exist too). 200 with the ticket (unchanged when
 * linked already); 409 when CLOSED or at 20 links.
 */
final class LinkAction implements RouteAction {

    static final String ROUTE = "POST /v1/support/tickets/{id}/links";
    private static final Set<String> FIELDS = Set.of("kind", "id");

    private final TicketDesk desk;

    LinkAction(TicketDesk desk) {
        this.desk = desk;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return TicketRequests.change(request, FIELDS, LinkAction::link,
                (ticketId, link) -> desk.link(ticketId, link.get(), TicketRequests.staff(desk, request)));
    }

    private static Optional<TicketLink> link(BodyFields fields) {
        Optional<TicketLink.Kind> kind = fields.requiredString("kind").flatMap(text -> {
            Optional<TicketLink.Kind> known = TicketLink.Kind.parse(text);
            if (known.isEmpty()) {
                fields.reject("kind", "must be finding or incident");
            }
            return known;
        });
        Optional<String> id = fields.requiredString("id");
        if (kind.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.get().idPattern().matcher(id.get()).matches()) {
            fields.reject("id", kind.get() == TicketLink.Kind.FINDING ? "must be a finding id: f- and 32 hex digits"
                    : "must be an incident id: inc- and 32 hex digits");
            return Optional.empty();
        }
        return Optional.of(new TicketLink(kind.get(), id.get()));
    }
}
