package com.warroom.payments.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.http.ApiRouter;
import com.warroom.lambda.Priming;
import com.warroom.payments.MidtransServerKey;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentEvents;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /v1/webhooks/midtrans}: Midtrans's HTTP notifications. Public (Midtrans sends no JWT; the signature
 * authenticates the sender), so the router checks no roles; it still admits only {@code application/json}, which is
 * what Midtrans sends.
 */
public final class WebhookIntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiRouter router;

    public WebhookIntakeHandler() {
        this(new WebhookIntake(
                new PaymentEvents(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.PAYMENT_EVENTS.envVar())),
                new PaymentCheckQueue(AwsClients.sqs(), Settings.require(Topology.PAYMENT_CHECKS.urlEnvVar())),
                new MidtransServerKey(SecretReader.fromEnvironment(), Clock.systemUTC()),
                Clock.systemUTC()));
    }

    /** With its collaborators given: for tests, and for the bench that counts its SDK calls. */
    public WebhookIntakeHandler(WebhookIntake intake) {
        this.router = new ApiRouter(Map.of(ReceiveNotificationAction.ROUTE, new ReceiveNotificationAction(intake)));
        Priming.register(Topology.WEBHOOK_INTAKE.name(), intake::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }
}
