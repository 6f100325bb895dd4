package com.warroom.incidents.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.desk.NewIncident;
import com.warroom.incidents.model.Component;
import com.warroom.incidents.model.DetectedBy;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.Severity;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.topology.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/incidents} (ops, finance, super_admin; support may report) with {@code {"title","severity"?,
 * "components":[..],"detectedBy","firstSeenAt","impact":{"usersAffected","description"?},"commander"?}}: 201 with the
 * incident, DETECTED. Severity P0–P3 or S1–S3; support leaves it out (ops classify). No commander: the on-call primary
 * of the first component's area (422 naming commander when nobody is on call).
 */
final class DeclareAction implements RouteAction {

    static final String ROUTE = "POST /v1/incidents";
    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    private static final Set<String> FIELDS = Set.of("title", "severity", "components", "detectedBy", "firstSeenAt", "impact",
            "commander");
    private static final Set<String> IMPACT_FIELDS = Set.of("usersAffected", "description");

    private final IncidentDesk desk;
    private final IncidentStore store;
    private final Clock clock;

    DeclareAction(IncidentDesk desk, IncidentStore store, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        params.errors().forEach(e -> fields.reject(e.field(), e.message()));
        Optional<String> title = fields.requiredText("title", MIN_TITLE, MAX_TITLE);
        Optional<Severity> severity = fields.optionalString("severity").flatMap(text -> {
            Optional<Severity> known = Severity.parse(text);
            if (known.isEmpty()) {
                fields.reject("severity", Severity.RULE);
            }
            return known;
        });
        Set<Role> roles = request.requireCaller().roles();
        boolean supportOnly = roles.contains(Role.SUPPORT) && !roles.contains(Role.OPS) && !roles.contains(Role.FINANCE)
                && !roles.contains(Role.SUPER_ADMIN);
        if (supportOnly && fields.optionalValue("severity").isPresent()) {
            fields.reject("severity", "support reports an incident without a severity: ops classify it");
        }
        List<Component> components = components(fields);
        Optional<DetectedBy> detectedBy = fields.requiredString("detectedBy").flatMap(text -> {
            Optional<DetectedBy> known = DetectedBy.parse(text);
            if (known.isEmpty()) {
                fields.reject("detectedBy", DetectedBy.rule());
            }
            return known;
        });
        Optional<Instant> firstSeenAt = fields.requiredString("firstSeenAt").flatMap(text -> {
            try {
                Instant at = Instant.parse(text);
                if (at.isAfter(clock.instant())) {
                    fields.reject("firstSeenAt", "must not be in the future");
                    return Optional.empty();
                }
                return Optional.of(at);
            } catch (DateTimeParseException e) {
                fields.reject("firstSeenAt", "must be an ISO-8601 UTC time such as 2026-12-01T08:00:00Z");
                return Optional.empty();
            }
        });
        Optional<Incident.Impact> impact = impact(fields);
        Optional<String> commander = IncidentRequests.person(fields, "commander", fields.optionalString("commander"));
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        var outcome = desk.declare(new NewIncident(title.get(), severity, components, detectedBy.get(), firstSeenAt.get(), impact.get(),
                commander), IncidentRequests.staff(desk, request));
        return IncidentRequests.answer(outcome, 201, done -> IncidentRequests.withTimeline(done.incident(), store, clock),
                unchanged -> unchanged.incident().view(clock.instant()));
    }

    private static List<Component> components(BodyFields fields) {
        List<Component> components = new ArrayList<>();
        Optional<JsonNode> value = fields.requiredValue("components");
        if (value.isEmpty()) {
            return components;
        }
        JsonNode array = value.get();
        if (!array.isArray() || array.isEmpty() || array.size() > Component.values().length) {
            fields.reject("components", "must be a list of 1 to " + Component.values().length + " components, the first the most affected");
            return components;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            Optional<Component> known = c.isTextual() ? Component.parse(c.textValue()) : Optional.empty();
            if (known.isEmpty()) {
                fields.reject("components[" + i + "]", Component.rule());
            } else if (components.contains(known.get())) {
                fields.reject("components[" + i + "]", "is named twice");
            } else {
                components.add(known.get());
            }
        }
        return components;
    }

    private static Optional<Incident.Impact> impact(BodyFields fields) {
        Optional<JsonNode> value = fields.requiredValue("impact");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode impact = value.get();
        if (!impact.isObject()) {
            fields.reject("impact", "must be an object {\"usersAffected\",\"description\"}");
            return Optional.empty();
        }
        for (Iterator<String> names = impact.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!IMPACT_FIELDS.contains(name)) {
                fields.reject("impact." + name, "unknown field; allowed fields are " + IMPACT_FIELDS.stream().sorted().toList());
            }
        }
        JsonNode users = impact.get("usersAffected");
        Optional<Long> usersAffected = Optional.empty();
        if (users == null || users.isNull()) {
            fields.reject("impact.usersAffected", "is required");
        } else if (!users.isIntegralNumber() || !users.canConvertToLong() || users.longValue() < 0) {
            fields.reject("impact.usersAffected", "must be a whole number >= 0");
        } else {
            usersAffected = Optional.of(users.longValue());
        }
        Optional<String> description = Optional.empty();
        JsonNode d = impact.get("description");
        if (d != null && !d.isNull()) {
            if (!d.isTextual()) {
                fields.reject("impact.description", "must be a string");
            } else if (com.warroom.http.FreeText.whyRefused(d.textValue()).isPresent()) {
                fields.reject("impact.description", com.warroom.http.FreeText.whyRefused(d.textValue()).get());
            } else if (d.textValue().strip().isEmpty() || d.textValue().strip().length() > MAX_DESCRIPTION) {
                fields.reject("impact.description", "must be 1 to " + MAX_DESCRIPTION + " characters");
            } else {
                description = Optional.of(d.textValue().strip());
            }
        }
        Optional<String> said = description;
        return usersAffected.map(u -> new Incident.Impact(u, said));
    }
}
