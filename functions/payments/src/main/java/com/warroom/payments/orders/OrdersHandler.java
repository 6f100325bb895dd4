package com.warroom.payments.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.lambda.Priming;
import com.warroom.outbox.Outbox;
import com.warroom.payments.PaymentEvents;
import com.warroom.payments.entitlements.EntitlementStore;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The order routes: {@code POST /v1/orders} (the platform registers what it expects to be paid) and {@code GET /v1/orders/{orderId}}. */
public final class OrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public OrdersHandler() {
        this(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
    }

    private OrdersHandler(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock) {
        this(dynamo, sealer, clock, OrderNotifications.of(Outbox.fromSettings(dynamo, clock)));
    }

    OrdersHandler(DynamoDbEnhancedClient dynamo, Sealer sealer, Clock clock, OrderNotifications notifications) {
        OrderStore orders = new OrderStore(dynamo, Settings.require(Topology.ORDERS.envVar()));
        OrderSeal seal = new OrderSeal(sealer);
        OrderViews views = new OrderViews(new OrderViews.Sources(orders,
                new PaymentEvents(dynamo, Settings.require(Topology.PAYMENT_EVENTS.envVar())),
                new EntitlementStore(dynamo, Settings.require(Topology.ENTITLEMENTS.envVar())), notifications), seal);
        this.router = new ApiRouter(Map.of(
                CreateOrderAction.ROUTE, new CreateOrderAction(new OrderBook(orders, seal, clock), views),
                GetOrderAction.ROUTE, new GetOrderAction(views)),
                new IdempotencyStore(dynamo, Settings.require(Topology.IDEMPOTENCY.envVar()), clock));
        Priming.register(Topology.ORDERS_API.name(), views::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
