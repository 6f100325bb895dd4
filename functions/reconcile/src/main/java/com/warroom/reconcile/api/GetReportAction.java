package com.warroom.reconcile.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.ReportsBucket;
import com.warroom.reconcile.run.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/reconcile/runs/{id}/report} (ops, finance, super_admin): the COMPLETED run's report as a page
 * ({@code text/html}). 404 unknown run; 409 {@code reconcile-report-not-ready} while it is RUNNING or when it FAILED.
 */
final class GetReportAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/reconcile/runs/{id}/report";
    static final String HTML = "text/html; charset=utf-8";

    private final RunStore runs;
    private final ReportsBucket bucket;

    GetReportAction(RunStore runs, ReportsBucket bucket) {
        this.runs = runs;
        this.bucket = bucket;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>(new QueryParams(request.query(), Set.of()).errors());
        Optional<String> runId = PathIds.runId(request, errors);
        if (!errors.isEmpty()) {
            return ApiResult.problem(Problem.validation(errors));
        }
        Optional<ReconcileRun> run = runs.find(runId.get());
        if (run.isEmpty()) {
            return ApiResult.problem(ReconcileProblems.runNotFound(runId.get()));
        }
        if (run.get().reportKeys().isEmpty()) {
            return ApiResult.problem(ReconcileProblems.reportNotReady(run.get()));
        }
        return ApiResult.text(HTML, bucket.read(run.get().reportKeys().get().html())
                .orElseThrow(() -> new IllegalStateException("the report page of " + runId.get() + " is missing from the bucket")));
    }
}
