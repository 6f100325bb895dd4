package com.warroom.approvals.api;

import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalIntegrity;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStore;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/approvals/{id}}: one request, read strongly consistent, checked against its seal and its
 * {@code approval.requested} entry ({@link CheckedApprovalView}); a row that cannot be read is a 500 problem.
 */
final class GetApprovalAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/approvals/{id}";

    private final ApprovalStore store;
    private final ActionRegistry registry;
    private final Clock clock;
    private final ApprovalIntegrity integrity;

    GetApprovalAction(ApprovalStore store, ActionRegistry registry, Clock clock, ApprovalIntegrity integrity) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.integrity = integrity;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        Optional<String> id = ApprovalPath.id(request);
        if (id.isEmpty()) {
            params.reject("id", ApprovalRequest.ID_RULE);
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        return store.find(id.get())
                .map(r -> UnreadableApproval.of(r).map(u -> ApiResult.problem(u.asProblem()))
                        .orElseGet(() -> ApiResult.ok(CheckedApprovalView.of(ApprovalView.of(r, registry, clock.instant()),
                                integrity.check(r)))))
                .orElseGet(() -> ApiResult.problem(Problem.notFound("no approval request " + id.get())));
    }
}
