package com.warroom.approvals.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalServices;
import com.warroom.approvals.Decision;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The approval routes: list, read, approve, reject. The only function that completes the approval
 * workflow's waiting tasks.
 */
public final class ApprovalsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public ApprovalsApiHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private ApprovalsApiHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(ApprovalServices.fromSettings(dynamo, ActionRegistry.standard(), clock), new SfnDecisionSender(AwsClients.sfn()),
                new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    ApprovalsApiHandler(ApprovalServices services, DecisionSender sender, IdempotencyStore idempotency) {
        ApprovalDecider decider = new ApprovalDecider(services, sender);
        this.router = new ApiRouter(Map.of(
                ListApprovalsAction.ROUTE, new ListApprovalsAction(services.store(), services.registry(), services.clock()),
                GetApprovalAction.ROUTE, new GetApprovalAction(services.store(), services.registry(), services.clock(),
                        services.integrity()),
                DecideApprovalAction.APPROVE_ROUTE,
                new DecideApprovalAction(Decision.APPROVED, decider, services.registry(), services.clock()),
                DecideApprovalAction.REJECT_ROUTE,
                new DecideApprovalAction(Decision.REJECTED, decider, services.registry(), services.clock())), idempotency);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
