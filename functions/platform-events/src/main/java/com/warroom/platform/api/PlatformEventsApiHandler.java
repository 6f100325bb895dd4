package com.warroom.platform.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.platform.FeeRuleBook;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** {@code POST /v1/platform/events} (role service): the platform's events over HTTP, onto the queue the bus delivers to. */
public final class PlatformEventsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public PlatformEventsApiHandler() {
        this(AwsClients.dynamoDbEnhanced(), new PlatformEventQueue(AwsClients.sqs(),
                Settings.require(Topology.PLATFORM_EVENT_QUEUE.urlEnvVar())), Clock.systemUTC());
    }

    PlatformEventsApiHandler(DynamoDbEnhancedClient dynamo, PlatformEventQueue queue, Clock clock) {
        FeeRuleBook feeRules = new FeeRuleBook(new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock));
        this.router = new ApiRouter(Map.of(PostEventAction.ROUTE,
                        new PostEventAction(feeRules, queue, Settings.find("AWS_REGION").orElse("local"), clock)),
                new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
