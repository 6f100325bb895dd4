package com.warroom.flags.api;

import com.warroom.audit.RequestOrigin;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.flags.toggle.FlagToggle;
import com.warroom.flags.toggle.SetFlagCommand;
import com.warroom.flags.toggle.SetFlagOutcome;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.incidents.IncidentItem;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/system-flags/set} with {@code {"flag","scope","enabled","reason","expectedVersion"?,
 * "incidentId"?}}: an {@code incidentId} (an existing incident, not CLOSED: else 422 naming it, nothing written) puts the
 * change into the incident's timeline and links.
 */
final class SetFlagAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/system-flags/set";
    private static final Set<String> FIELDS = Set.of("flag", "scope", "enabled", "reason", "expectedVersion", "incidentId");

    private final FlagToggle toggle;

    SetFlagAction(FlagToggle toggle) {
        this.toggle = toggle;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<Flag> flag = fields.requiredString("flag").flatMap(key -> {
            Optional<Flag> known = Flag.fromKey(key);
            if (known.isEmpty()) {
                fields.reject("flag", "unknown flag '" + key + "'; the catalogue is " + Flag.catalogue());
            }
            return known;
        });
        Optional<FlagScope> scope = fields.requiredString("scope").flatMap(text -> {
            Optional<FlagScope> parsedScope = FlagScope.parse(text);
            if (parsedScope.isEmpty()) {
                fields.reject("scope", "must be " + FlagScope.FORMAT);
            }
            return parsedScope;
        });
        Optional<Boolean> enabled = fields.requiredBoolean("enabled");
        Optional<String> reason = fields.requiredText("reason", SetFlagCommand.MIN_REASON_LENGTH, SetFlagCommand.MAX_REASON_LENGTH);
        Optional<Long> expectedVersion = fields.optionalCount("expectedVersion");
        Optional<String> incidentId = fields.optionalString("incidentId").filter(id -> {
            boolean valid = IncidentItem.ID.matcher(id).matches();
            if (!valid) {
                fields.reject("incidentId", IncidentItem.ID_RULE);
            }
            return valid;
        });
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        var command = new SetFlagCommand(flag.get(), scope.get(), enabled.get(), reason.get(), expectedVersion, incidentId);
        return answer(toggle.set(command, request.requireCaller(), new RequestOrigin(request.requestId(), request.sourceIp())));
    }

    private static ApiResult answer(SetFlagOutcome outcome) {
        return switch (outcome) {
            case SetFlagOutcome.Applied applied -> ApiResult.ok(FlagView.of(applied.state(), true));
            case SetFlagOutcome.Unchanged unchanged -> ApiResult.ok(FlagView.of(unchanged.state(), false));
            case SetFlagOutcome.VersionConflict conflict -> ApiResult.problem(Problem.conflict(
                    "expectedVersion is " + conflict.expected() + " but " + conflict.current().flag() + "@"
                            + conflict.current().scope() + " is at version " + conflict.current().version()));
            case SetFlagOutcome.PendingApproval pending -> ApiResult.accepted(pending.request().receipt());
            case SetFlagOutcome.IncidentRefused refused -> ApiResult.problem(Problem.invalidField("incidentId", refused.reason()));
            case SetFlagOutcome.Tampered tampered -> ApiResult.problem(Problem.of(409, "flag-states-tampered",
                    "Flag states do not match their seal", "the stored flag states were changed outside this API, so no change is "
                            + "sealed on top of them; restore the flags table and see the runbook 'Flag states do not match their seal'"));
        };
    }
}
