package com.warroom.slo.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.slo.report.SloReporter;

/** {@code GET /v1/slo/reports/latest} (ops, finance, super_admin): the newest report, or 404 while there is none. */
final class LatestReportAction implements RouteAction {

    static final String ROUTE = "GET /v1/slo/reports/latest";

    private final SloReporter reporter;

    LatestReportAction(SloReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return reporter.latest().map(ApiResult::ok).orElseGet(() -> ApiResult.problem(
                Problem.notFound("no SLO report yet: the weekly one is written on Mondays at 08:00 Asia/Jakarta, or POST /v1/slo/reports")));
    }
}
