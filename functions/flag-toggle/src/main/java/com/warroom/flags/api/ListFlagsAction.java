package com.warroom.flags.api;

import com.warroom.flags.Flag;
import com.warroom.flags.FlagGate;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagSnapshot;
import com.warroom.flags.FlagStore;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/system-flags}: every catalogue flag with its global state and every scoped override, and whether the
 * stored states match their seal; when they do not ({@code tampered: true}) the states listed are the untrusted ones
 * as stored, for ops to see what was changed.
 */
final class ListFlagsAction implements RouteAction {

    static final String ROUTE = "GET /v1/system-flags";

    private final FlagStore store;
    private final FlagGate.Signals signals;

    ListFlagsAction(FlagStore store, FlagGate.Signals signals) {
        this.store = store;
        this.signals = signals;
    }

    /** One catalogue flag as listed. */
    record FlagListing(String flag, boolean fundRelated, FlagView global, List<FlagView> overrides) {
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        FlagStore.Load load = store.load();
        FlagSnapshot snapshot = switch (load) {
            case FlagStore.Load.Trusted trusted -> trusted.snapshot();
            case FlagStore.Load.Tampered tampered -> {
                signals.tampered();
                yield tampered.untrusted();
            }
        };
        Map<String, List<FlagView>> overridesByFlag = snapshot.records().stream()
                .filter(r -> !r.scope().equals(FlagScope.GLOBAL.key()))
                .sorted(Comparator.comparing(FlagRecord::scope))
                .collect(Collectors.groupingBy(FlagRecord::flag, Collectors.mapping(r -> FlagView.of(r, null), Collectors.toList())));
        List<FlagListing> flags = Arrays.stream(Flag.values()).map(flag -> new FlagListing(flag.key(), flag.fundRelated(),
                FlagView.of(snapshot.find(flag, FlagScope.GLOBAL).orElseGet(() -> FlagRecord.initial(flag, FlagScope.GLOBAL)), null),
                overridesByFlag.getOrDefault(flag.key(), List.of())))
                .toList();
        return ApiResult.ok(Map.of("tampered", load instanceof FlagStore.Load.Tampered, "flags", flags));
    }
}
