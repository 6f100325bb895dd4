package com.warroom.incidents.api;

import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.desk.Outcome;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.payments.SortableTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/** What the incident routes share: the {@code {id}}, the body of a change, the answer of an {@link Outcome}. */
final class IncidentRequests {

    /** A staff member's name as a commander or owner: 1 to 100 of letters, digits and . _ @ -. */
    static final Pattern PERSON = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    static final String PERSON_RULE = "must be 1 to 100 of letters, digits and . _ @ -";
    static final int MAX_NOTE = 2000;

    private IncidentRequests() {
    }

    /**
     * A change of one incident: the {@code {id}} and the body's fields (of {@code allowed}) checked together, so that
     * every bad part is named in one answer; only when all are good does {@code act} change the incident.
     */
    static <T> ApiResult change(ApiRequest request, Set<String> allowed, Function<BodyFields, T> read,
                                BiFunction<String, T, ApiResult> act) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        String id = request.pathParameters().get("id");
        if (id == null || !IncidentItem.ID.matcher(id).matches()) {
            errors.add(new FieldError("id", IncidentItem.ID_RULE));
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
        return act.apply(id, value);
    }

    /** A read of one incident: the {@code {id}} checked (no query parameters), then {@code read}; 404 when none. */
    static ApiResult read(ApiRequest request, IncidentStore store, Function<com.warroom.incidents.model.Incident, ApiResult> read) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        String id = request.pathParameters().get("id");
        if (id == null || !IncidentItem.ID.matcher(id).matches()) {
            params.reject("id", IncidentItem.ID_RULE);
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        return store.find(id).map(read).orElseGet(() -> ApiResult.problem(Problem.notFound("no incident " + id)));
    }

    static IncidentDesk.Staff staff(IncidentDesk desk, ApiRequest request) {
        return desk.staff(request.requireCaller(), new RequestOrigin(request.requestId(), request.sourceIp()));
    }

    /** A person's name field (commander, owner), when given. */
    static Optional<String> person(BodyFields fields, String name, Optional<String> text) {
        return text.filter(value -> {
            boolean valid = PERSON.matcher(value).matches();
            if (!valid) {
                fields.reject(name, PERSON_RULE);
            }
            return valid;
        });
    }

    /** The incident and its timeline, as GET answers it. */
    static Map<String, Object> withTimeline(com.warroom.incidents.model.Incident incident, IncidentStore store, Clock clock) {
        Map<String, Object> body = new LinkedHashMap<>(incident.view(SortableTime.now(clock)));
        body.put("timeline", store.timeline(incident.incidentId()).stream().map(com.warroom.incidents.TimelineEntry::view).toList());
        return body;
    }

    /** The answer of a change: {@code done} turns a written change into its body (status {@code status}). */
    static ApiResult answer(Outcome outcome, int status, Function<Outcome.Done, Object> done, Function<Outcome.Unchanged, Object> unchanged) {
        return switch (outcome) {
            case Outcome.Done d -> ApiResult.of(status, done.apply(d));
            case Outcome.Unchanged u -> ApiResult.ok(unchanged.apply(u));
            case Outcome.NotFound notFound -> ApiResult.problem(Problem.notFound("no incident " + notFound.incidentId()));
            case Outcome.Refused refused -> ApiResult.problem(new Problem(Problem.TYPE_BASE + refused.slug(), refused.title(),
                    refused.status(), refused.detail(),
                    refused.field() == null ? List.of() : List.of(new FieldError(refused.field(), refused.detail()))));
        };
    }
}
