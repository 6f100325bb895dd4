package com.warroom.reconcile.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.reconcile.report.RunView;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.ReportsBucket;
import com.warroom.reconcile.run.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/reconcile/runs/{id}} (ops, finance, super_admin): a COMPLETED run's report as JSON (the run,
 * its summary, {@code findings} by risk and {@code resolved}); a RUNNING or FAILED run as the list shows it. 404
 * unknown run.
 */
final class GetRunAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/reconcile/runs/{id}";

    private final RunStore runs;
    private final ReportsBucket bucket;

    GetRunAction(RunStore runs, ReportsBucket bucket) {
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
        if (run.get().reportKeys().isPresent()) {
            String report = bucket.read(run.get().reportKeys().get().json())
                    .orElseThrow(() -> new IllegalStateException("the report of " + runId.get() + " is missing from the bucket"));
            return ApiResult.ok(Json.readTree(report));
        }
        return ApiResult.ok(RunView.of(run.get()));
    }
}
