package com.warroom.audit.api;

import com.warroom.audit.AuditChainTampered;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.ChainVerification;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.observability.OpsMetrics;
import java.util.Set;

/**
 * {@code GET /v1/admin/audit/verify}: walks the whole chain to its sealed head and checks it against the newest
 * anchor; a break is reported (200) and counted as {@code AuditChainTampered} (alarmed).
 */
final class VerifyAuditAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/audit/verify";
    private final AuditTrail trail;

    VerifyAuditAction(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        ChainVerification result = trail.verify();
        if (!result.ok()) {
            OpsMetrics.count(AuditChainTampered.METRIC);
        }
        return ApiResult.ok(result);
    }
}
