package com.warroom.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
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
        // the payload's own shape is the config parser's to judge
        Optional<JsonNode> payload = fields.requiredValue("payload");
        Optional<String> reason = fields.requiredText("reason", ConfigChangeCommand.MIN_REASON_LENGTH,
                ConfigChangeCommand.MAX_REASON_LENGTH);
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        var command = new ConfigChangeCommand(kind.get(), payload.get(), reason.get());
        return answer(requester.request(command, request.requireCaller(), new RequestOrigin(request.requestId(), request.sourceIp())));
    }

    private static ApiResult answer(ConfigChangeOutcome outcome) {
        return switch (outcome) {
            case ConfigChangeOutcome.NotLoaded notLoaded -> ApiResult.problem(ConfigProblems.notLoaded());
            case ConfigChangeOutcome.Invalid invalid -> ApiResult.problem(ConfigProblems.invalidChange(invalid.errors()));
            case ConfigChangeOutcome.Pending pending -> ApiResult.accepted(pending.request().receipt());
        };
    }
}
