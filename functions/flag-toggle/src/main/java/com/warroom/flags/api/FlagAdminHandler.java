package com.warroom.flags.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagChangeNotifier;
import com.warroom.flags.FlagStore;
import com.warroom.flags.toggle.FlagToggle;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.incidents.IncidentJournal;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The kill-switch write route: {@code POST /v1/admin/system-flags/set}. */
public final class FlagAdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public FlagAdminHandler() {
        this(AwsClients.dynamoDbEnhanced(), FlagReadHandler.sealer(), Clock.systemUTC());
    }

    FlagAdminHandler(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        this(fromSettings(dynamo, sealer, clock), new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    FlagAdminHandler(FlagToggle toggle, IdempotencyStore idempotency) {
        this.router = new ApiRouter(Map.of(SetFlagAction.ROUTE, new SetFlagAction(toggle)), idempotency);
    }

    static FlagToggle fromSettings(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        return new FlagToggle(new FlagToggle.Parts(
                new FlagStore(dynamo, Settings.require(Topology.FLAGS.envVar()), sealer, clock),
                dynamo.table(Settings.require(Topology.APPROVALS.envVar()), ApprovalRequest.SCHEMA),
                sealer,
                new AuditLog(dynamo, Settings.require(Topology.AUDIT.envVar()), sealer, clock),
                new FlagChangeNotifier(AwsClients.sqs(), Settings.find(Topology.FLAG_CHANGES.urlEnvVar())),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                IncidentJournal.fromSettings(dynamo)),
                clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
