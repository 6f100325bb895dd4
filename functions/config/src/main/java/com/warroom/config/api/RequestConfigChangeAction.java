package com.warroom.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditContentionException;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/config/changes}: a malformed body is 400; a well-formed change that cannot apply to
 * the config in force is 422 naming each bad field; either way nothing is written. Otherwise 202 with the
 * PENDING approval request.
 */
final class RequestConfigChangeAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/config/changes";
    private static final Set<String> FIELDS = Set.of("kind", "payload", "reason");

    private final ConfigChangeRequester requester;

    RequestConfigChangeAction(ConfigChangeRequester requester) {
        this.requester = requester;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> kind = fields.requiredString("kind");
        // BodyFields has checked it is one JSON object; the payload's own shape is the config parser's to judge
        JsonNode payload = Json.readTree(request.body()).get("payload");
        if (payload == null || payload.isNull()) {
            fields.reject("payload", "is required");
        }
        Optional<String> reason = fields.requiredString("reason").map(String::strip).filter(text -> {
            if (text.length() < ConfigChangeCommand.MIN_REASON_LENGTH || text.length() > ConfigChangeCommand.MAX_REASON_LENGTH) {
                fields.reject("reason", "must be " + ConfigChangeCommand.MIN_REASON_LENGTH + " to "
                        + ConfigChangeCommand.MAX_REASON_LENGTH + " characters");
                return false;
            }
            return true;
        });
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        var command = new ConfigChangeCommand(kind.get(), payload, reason.get());
        try {
            return answer(requester.request(command, request.requireCaller(), new RequestOrigin(request.requestId(), request.sourceIp())));
        } catch (AuditContentionException e) {
            return new ApiResult(503, Problem.unavailable("too many concurrent changes; retry"), Map.of("Retry-After", "1"));
        }
    }

    private static ApiResult answer(ConfigChangeOutcome outcome) {
        return switch (outcome) {
            case ConfigChangeOutcome.NotLoaded notLoaded -> ApiResult.problem(ConfigProblems.notLoaded());
            case ConfigChangeOutcome.Invalid invalid -> ApiResult.problem(ConfigProblems.invalidChange(invalid.errors()));
            case ConfigChangeOutcome.Pending pending -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("approvalId", pending.request().id());
                body.put("status", pending.request().status());
                body.put("action", pending.request().action());
                body.put("payloadHash", pending.request().payloadHash());
                body.put("expiresAt", pending.request().expiresAt());
                yield ApiResult.accepted(body);
            }
        };
    }
}
