package com.warroom.notifications.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/outbox/requeue} {@code {"ids": [...]}} (1 to 50 outbox ids, each once; Idempotency-Key
 * required): 200 {@code {"requeued": [...], "skipped": [{"id","status","reason"}]}}; an id that is not FAILED is skipped
 * ({@code not FAILED}), one that names no item too ({@code unknown}).
 */
final class RequeueAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/outbox/requeue";
    static final int MAX_IDS = 50;
    static final int MAX_ID_LENGTH = 200;
    private static final String IDS = "ids";

    private final OutboxRequeue requeue;

    RequeueAction(OutboxRequeue requeue) {
        this.requeue = requeue;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        var parsed = BodyFields.parse(request.body(), Set.of(IDS));
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<List<String>> ids = fields.requiredValue(IDS).flatMap(value -> ids(value, fields));
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        OutboxRequeue.Result result = requeue.requeue(ids.get(), request.requireCaller(),
                new RequestOrigin(request.requestId(), request.sourceIp()));
        if (!result.notQueued().isEmpty()) {
            return new ApiResult(503, Problem.unavailable("requeued " + result.requeued() + " but could not queue "
                    + result.notQueued() + " for sending; those are FAILED again: retry the request"), Map.of("Retry-After", "1"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requeued", result.requeued());
        body.put("skipped", result.skipped().stream().map(RequeueAction::view).toList());
        return ApiResult.ok(body);
    }

    private static Optional<List<String>> ids(JsonNode value, BodyFields fields) {
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_IDS) {
            fields.reject(IDS, "must be an array of 1 to " + MAX_IDS + " outbox ids");
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode id = value.get(i);
            String field = IDS + "[" + i + "]";
            if (!id.isTextual()) {
                fields.reject(field, "must be a string");
            } else if (id.textValue().isBlank() || id.textValue().length() > MAX_ID_LENGTH) {
                fields.reject(field, "must be 1 to " + MAX_ID_LENGTH + " characters");
            } else if (!seen.add(id.textValue())) {
                fields.reject(field, "is listed twice");
            } else {
                ids.add(id.textValue());
            }
        }
        return Optional.of(ids);
    }

    private static Map<String, Object> view(OutboxRequeue.Skipped skipped) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", skipped.id());
        view.put("status", skipped.status());
        view.put("reason", skipped.reason());
        return view;
    }
}
