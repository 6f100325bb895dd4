package com.warroom.flags.api;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagScope;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/system-flags/check?flag=&round=&user=}: whether an action may start, and what blocks
 * it. The gate behind it reads fresh state on every call and degrades exactly like the in-process gate.
 */
final class CheckFlagAction implements RouteAction {

    static final String ROUTE = "GET /v1/system-flags/check";
    private static final String ID_RULE = "must be an id: letters, digits, '.', '_', '-'; at most 128";

    private final FlagGate gate;

    CheckFlagAction(FlagGate gate) {
        this.gate = gate;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("flag", "round", "user"));
        Optional<Flag> flag = params.required("flag").flatMap(key -> {
            Optional<Flag> known = Flag.fromKey(key);
            if (known.isEmpty()) {
                params.reject("flag", "unknown flag '" + key + "'; the catalogue is " + Flag.catalogue());
            }
            return known;
        });
        Optional<String> round = params.optionalMatching("round", FlagScope.ID, ID_RULE);
        Optional<String> user = params.optionalMatching("user", FlagScope.ID, ID_RULE);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        return ApiResult.ok(gate.check(flag.get(), round, user));
    }
}
