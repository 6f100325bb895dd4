package com.warroom.support.tickets.api;

import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.desk.Outcome;

import com.warroom.support.tickets.desk.TicketDesk;
import com.warroom.topology.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the ticket routes share: the {@code {id}} and the body of a change, the answer of an {@link Outcome}. */
final class TicketRequests {

    /** A note on a status move or a mark. */
    static final int MAX_NOTE = 2000;

    private TicketRequests() {
    }

    /**
     * A change of one ticket: the {@code {id}} and the body's fields (of {@code allowed}) checked together, so that
     * every
     * bad part is named in one answer; {@code read} takes its fields from the body (rejecting the bad ones), and only
     * when all are good does {@code act} change the ticket.
     */
    static <T> ApiResult change(ApiRequest request, Set<String> allowed, Function<BodyFields, T> read,
                                BiFunction<String, T, Outcome> act) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        String id = request.pathParameters().get("id");
        if (id == null || !Ticket.ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be a ticket id: tkt- and 32 hex digits"));
        }
        var parsed = BodyFields.parse(request.body(), allowed);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        errors.forEach(e -> fields.reject(e.field(), e.message()));
        T value = read.apply(fields);
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        return answer(act.apply(id, value), request);
    }

    /** The staff member making a change, from the caller and the request. */
    static TicketDesk.Staff staff(TicketDesk desk, ApiRequest request) {
        return desk.staff(request.requireCaller(), origin(request));
    }

    static RequestOrigin origin(ApiRequest request) {
        return new RequestOrigin(request.requestId(), request.sourceIp());
    }

    /** Role {@code support} alone sees a user's contact masked, as in the lookup; ops and super_admin see it whole. */
    static boolean masked(ApiRequest request) {
        Set<Role> roles = request.requireCaller().roles();
        return roles.contains(Role.SUPPORT) && !roles.contains(Role.OPS) && !roles.contains(Role.SUPER_ADMIN);
    }

    static ApiResult answer(Outcome outcome, ApiRequest request) {
        boolean masked = masked(request);
        return switch (outcome) {
            case Outcome.Done done -> ApiResult.ok(done.ticket().view(masked));
            case Outcome.Unchanged unchanged -> ApiResult.ok(unchanged.ticket().view(masked));
            case Outcome.NotFound notFound -> ApiResult.problem(Problem.notFound("no ticket " + notFound.ticketId()));
            case Outcome.Refused refused -> ApiResult.problem(new Problem(Problem.TYPE_BASE + refused.slug(), refused.title(),
                    refused.status(), refused.detail(),
                    refused.field() == null ? List.of() : List.of(new FieldError(refused.field(), refused.detail()))));
        };
    }

    static <E extends Enum<E>> Optional<E> enumField(BodyFields fields, String name, Optional<String> text, E[] values,
                                                     java.util.function.Function<String, Optional<E>> parse) {
        return text.flatMap(t -> {
            Optional<E> known = parse.apply(t);
            if (known.isEmpty()) {
                fields.reject(name, "must be one of " + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
            }
            return known;
        });
    }
}
