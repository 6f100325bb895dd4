package com.warroom.slo.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.lambda.Priming;
import com.warroom.slo.Wiring;
import com.warroom.slo.report.SloReporter;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/** The SLO report routes: the latest report, and a report run now. */
public final class SloReportsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public SloReportsHandler() {
        this(Wiring.reporter(Clock.systemUTC()), AuditLog.fromSettings(AwsClients.dynamoDbEnhanced(), Clock.systemUTC()),
                new IdempotencyStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.IDEMPOTENCY.envVar()), Clock.systemUTC()),
                Clock.systemUTC());
    }

    public SloReportsHandler(SloReporter reporter, AuditLog audit, IdempotencyStore idempotency, Clock clock) {
        // reads only: the latest report's marker, through the client and bucket the routes use
        Priming.register(Topology.SLO_API.name(), reporter::latest);
        this.router = new ApiRouter(Map.of(
                LatestReportAction.ROUTE, new LatestReportAction(reporter),
                RunReportAction.ROUTE, new RunReportAction(new ReportRuns(reporter, audit), clock)), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
