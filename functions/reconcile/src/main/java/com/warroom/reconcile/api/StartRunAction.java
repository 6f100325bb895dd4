package com.warroom.reconcile.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.reconcile.report.RunView;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.RunStarter;
import java.util.Set;

/**
 * {@code POST /v1/admin/reconcile/runs} (ops, finance, super_admin; {@code Idempotency-Key} optional) with an empty
 * body or {@code {}}: starts a run of today (Asia/Jakarta) and answers 202 with the run, RUNNING. 409
 * {@code reconcile-run-in-progress} while a run of the day is RUNNING (nothing is written); 503
 * {@code reconcile-workflow-unavailable} when its workflow did not start (the run is FAILED, the day free).
 */
final class StartRunAction implements RouteAction {

    static final String ROUTE = "POST /v1/admin/reconcile/runs";

    private final RunStarter starter;

    StartRunAction(RunStarter starter) {
        this.starter = starter;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of());
        var parsed = BodyFields.parse(request.body().isBlank() ? "{}" : request.body(), Set.of());
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        if (!params.valid() || !fields.valid()) {
            var errors = new java.util.ArrayList<>(params.errors());
            errors.addAll(fields.errors());
            return ApiResult.problem(Problem.validation(errors));
        }
        if (request.priming()) {
            // SnapStart priming reads only: it must not start a run
            return ApiResult.problem(Problem.unavailable("priming starts no run"));
        }
        return switch (starter.start(ReconcileRun.userTrigger(request.requireCaller().sub()))) {
            case RunStarter.Outcome.Started started -> ApiResult.accepted(RunView.of(started.run()));
            case RunStarter.Outcome.InProgress busy -> ApiResult.problem(ReconcileProblems.runInProgress(busy.running()));
            case RunStarter.Outcome.NotStarted failed -> ApiResult.problem(ReconcileProblems.workflowNotStarted(failed.run()));
        };
    }
}
