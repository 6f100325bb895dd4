package com.warroom.config.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfigJson;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.oncall.OnCallArea;
import com.warroom.oncall.OnCallRotation;
import com.warroom.oncall.OnCallSchedule;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/oncall/now[?at=<ISO instant>]}: who is on call for each area now (or at {@code at}), from the config in
 * force, with the escalation tree. An area no rotation covers is listed with nulls, so a gap is seen, not hidden.
 */
final class OnCallNowAction implements RouteAction {

    static final String ROUTE = "GET /v1/oncall/now";

    // an ISO-8601 instant's characters; the parse decides the rest
    private static final Pattern INSTANT = Pattern.compile("[0-9T:.Z+-]{10,40}");

    private final ConfigStore store;
    private final Clock clock;

    OnCallNowAction(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("at"));
        Optional<Instant> at = params.optionalMatching("at", INSTANT, "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z")
                .flatMap(text -> instant(text, params));
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Optional<ConfigStore.OnCallInForce> inForce = store.currentOnCall();
        if (inForce.isEmpty()) {
            return ApiResult.problem(ConfigProblems.notLoaded());
        }
        if (inForce.get().schedule().isEmpty()) {
            return ApiResult.problem(Problem.of(404, "oncall-not-set", "No on-call roster",
                    "config v" + inForce.get().version() + " sets no on-call roster: request an oncall.set change (see the README)"));
        }
        return ApiResult.ok(view(inForce.get().version(), inForce.get().schedule().get(), at.orElseGet(clock::instant)));
    }

    private static Optional<Instant> instant(String text, QueryParams params) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            params.reject("at", "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
            return Optional.empty();
        }
    }

    private static ObjectNode view(long version, OnCallSchedule schedule, Instant at) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("at", at.toString());
        body.put("configVersion", version);
        body.put("timeZone", schedule.zone().getId());
        ArrayNode areas = body.putArray("areas");
        for (OnCallArea area : OnCallArea.values()) {
            ObjectNode entry = areas.addObject();
            entry.put("area", area.wireName());
            Optional<OnCallRotation> rotation = schedule.rotationAt(area, at);
            entry.put("primary", rotation.map(OnCallRotation::primary).orElse(null));
            entry.put("backup", rotation.map(OnCallRotation::backup).orElse(null));
            entry.put("rotationFrom", rotation.map(r -> r.from().toString()).orElse(null));
            entry.put("rotationTo", rotation.flatMap(OnCallRotation::to).map(Object::toString).orElse(null));
        }
        ArrayNode escalation = body.putArray("escalation");
        schedule.escalation().forEach(step -> escalation.add(SeedConfigJson.escalationStep(step)));
        return body;
    }
}
