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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the ticket routes share: the {@code {id}}, the body, the answer of an {@link Outcome}. */
final class TicketRequests {

    /** A note on a status move or a mark. */
    static final int MAX_NOTE = 2000;

    private TicketRequests() {
    }

    /** A ticket route's id and body, checked together so that every bad part is named in one answer. */
    record Parsed(String ticketId, BodyFields fields) {
    }

    /**
     * The {@code {id}} and the body's fields (of {@code allowed}); the problem when the body is not a JSON object. The
     * caller reads its fields, then asks {@link #problem} for what is wrong in all.
     */
    static Object parse(ApiRequest request, Set<String> allowed) {
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
        return new Parsed(id, fields);
    }

    static Optional<ApiResult> problem(BodyFields fields) {
        return fields.valid() ? Optional.empty() : Optional.of(ApiResult.problem(Problem.validation(fields.errors())));
    }

    static RequestOrigin origin(ApiRequest request) {
        return new RequestOrigin(request.requestId(), request.sourceIp());
    }

    static ApiResult answer(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Done done -> ApiResult.ok(done.ticket().view());
            case Outcome.Unchanged unchanged -> ApiResult.ok(unchanged.ticket().view());
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
