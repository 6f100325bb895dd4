package com.warroom.reconcile.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.reconcile.findings.FindingAcknowledger;
import com.warroom.reconcile.findings.FindingsStore;
import com.warroom.reconcile.run.ReportsBucket;
import com.warroom.reconcile.run.RunStarter;
import com.warroom.reconcile.run.RunStore;
import com.warroom.reconcile.run.Wiring;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/** The reconcile routes: start a run, list runs, read a run's report (JSON and page), list findings, acknowledge one. */
public final class ReconcileApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public ReconcileApiHandler() {
        this(Wiring.starter(AwsClients.dynamoDb()), Wiring.runs(AwsClients.dynamoDb()), Wiring.findings(AwsClients.dynamoDb()),
                Wiring.bucket(), AuditLog.fromSettings(AwsClients.dynamoDbEnhanced(), Clock.systemUTC()),
                new IdempotencyStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.IDEMPOTENCY.envVar()), Clock.systemUTC()),
                Clock.systemUTC());
    }

    public ReconcileApiHandler(RunStarter starter, RunStore runs, FindingsStore findings, ReportsBucket bucket, AuditLog audit,
                               IdempotencyStore idempotency, Clock clock) {
        this.router = new ApiRouter(Map.of(
                StartRunAction.ROUTE, new StartRunAction(starter),
                ListRunsAction.ROUTE, new ListRunsAction(runs, clock),
                GetRunAction.ROUTE, new GetRunAction(runs, bucket),
                GetReportAction.ROUTE, new GetReportAction(runs, bucket),
                ListFindingsAction.ROUTE, new ListFindingsAction(findings),
                AckFindingAction.ROUTE, new AckFindingAction(new FindingAcknowledger(findings, audit, clock))), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
