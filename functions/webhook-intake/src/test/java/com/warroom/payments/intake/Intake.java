package com.warroom.payments.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.SdkCallCounter;
import com.warroom.payments.MidtransServerKey;
import com.warroom.payments.MidtransSignature;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentEvent;
import com.warroom.payments.PaymentEvents;
import com.warroom.secrets.SecretReader;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The webhook intake over the embedded stack, through SDK clients that count their calls, with the local Midtrans server
 * key; and the helpers to sign notifications as Midtrans does and to read what the intake wrote and queued.
 */
final class Intake {

    static final String ROUTE = "POST /v1/webhooks/midtrans";
    static final String LOCAL_KEY = "SB-Mid-server-warroom-local-only";

    final EmbeddedStack stack;
    final SdkCallCounter calls = new SdkCallCounter();
    final AtomicInteger secretReads = new AtomicInteger();
    final WebhookIntakeHandler handler;
    private final PaymentEvents reads;
    private final String queueUrl;

    Intake(EmbeddedStack stack, Clock clock) {
        this(stack, clock, secret -> LOCAL_KEY);
    }

    Intake(EmbeddedStack stack, Clock clock, SecretReader secrets) {
        this.stack = stack;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal"));
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
        SqsClient sqs = SqsClient.builder().endpointOverride(stack.sqsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
        this.queueUrl = stack.settings(Topology.warroom()).get(Topology.PAYMENT_CHECKS.urlEnvVar());
        var counted = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        SecretReader counting = secret -> {
            secretReads.incrementAndGet();
            return secrets.read(secret);
        };
        this.handler = new WebhookIntakeHandler(new WebhookIntake(new PaymentEvents(counted, Topology.PAYMENT_EVENTS.localName()),
                new PaymentCheckQueue(sqs, queueUrl), new MidtransServerKey(counting, clock), clock));
        this.reads = new PaymentEvents(DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build(),
                Topology.PAYMENT_EVENTS.localName());
    }

    static String newOrderId() {
        return "O-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A notification as Midtrans sends it, signed with {@code key}. */
    static String notification(String orderId, String status, String statusCode, String grossAmount, String fraudStatus, String key) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("transaction_time", "2026-11-30 16:25:12");
        n.put("transaction_status", status);
        n.put("transaction_id", "tx-" + orderId);
        n.put("status_message", "midtrans payment notification");
        n.put("status_code", statusCode);
        n.put("signature_key", MidtransSignature.of(orderId, statusCode, grossAmount, key));
        n.put("payment_type", "bank_transfer");
        n.put("order_id", orderId);
        n.put("merchant_id", "G141532850");
        n.put("gross_amount", grossAmount);
        if (fraudStatus != null) {
            n.put("fraud_status", fraudStatus);
        }
        n.put("currency", "IDR");
        return Json.write(n);
    }

    static String settlement(String orderId) {
        return notification(orderId, "settlement", "200", "150000.00", "accept", LOCAL_KEY);
    }

    APIGatewayV2HTTPResponse post(String body) {
        return send(HttpEvents.route(ROUTE).body(body).build());
    }

    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of(Topology.WEBHOOK_INTAKE.name(), 512, 10));
    }

    /** How many times {@code name} was counted so far. */
    static long counted(com.warroom.local.stack.RecordedMetrics metrics, String name) {
        return metrics.points().stream().filter(p -> p.name().equals(name)).count();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.readTree(response.getBody());
    }

    List<PaymentEvent> eventsOf(String orderId) {
        return reads.forOrder(orderId);
    }

    /** Every message on the payment-checks queue now (taken off it), as JSON. */
    List<JsonNode> drainChecks() {
        List<JsonNode> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(30)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message m : messages) {
                bodies.add(Json.readTree(m.body()));
                stack.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    List<JsonNode> checksFor(String orderId) {
        return drainChecks().stream().filter(c -> c.path("orderId").asText().equals(orderId)).toList();
    }
}
