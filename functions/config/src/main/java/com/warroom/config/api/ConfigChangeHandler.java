package com.warroom.config.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.http.ApiRouter;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The config change route: {@code POST /v1/admin/config/changes}. */
public final class ConfigChangeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public ConfigChangeHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private ConfigChangeHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(fromSettings(dynamo, clock), new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    ConfigChangeHandler(ConfigChangeRequester requester, IdempotencyStore idempotency) {
        this.router = new ApiRouter(Map.of(RequestConfigChangeAction.ROUTE, new RequestConfigChangeAction(requester)), idempotency);
    }

    static ConfigChangeRequester fromSettings(DynamoDbEnhancedClient dynamo, Clock clock) {
        Sealer sealer = KmsSealer.forKey(Topology.SEALS);
        return new ConfigChangeRequester(
                new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock),
                dynamo.table(Settings.require(Topology.APPROVALS.envVar()), ApprovalRequest.SCHEMA),
                sealer,
                new AuditLog(dynamo, Settings.require(Topology.AUDIT.envVar()), sealer, clock),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
