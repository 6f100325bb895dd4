package com.warroom.alarms.api;

import com.warroom.audit.RequestOrigin;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/alerts/test} {@code {}} or {@code {"note": "..."}} (1 to 280 characters): publishes a test
 * alert to the alerts topic and answers 200 {@code {"messageId"}}.
 */
final class TestAlertAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/alerts/test";
    static final String NOTE = "note";
    static final int MAX_NOTE = 280;

    private final TestAlert alert;

    TestAlertAction(TestAlert alert) {
        this.alert = alert;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        var parsed = BodyFields.parse(request.body(), Set.of(NOTE));
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> note = fields.optionalText(NOTE, 1, MAX_NOTE);
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        if (request.priming()) {
            // SnapStart's priming request must not page anyone
            return ApiResult.problem(Problem.unavailable("priming: no alert sent"));
        }
        String messageId = alert.send(request.requireCaller(), note, new RequestOrigin(request.requestId(), request.sourceIp()));
        return ApiResult.ok(Map.of("messageId", messageId));
    }
}
