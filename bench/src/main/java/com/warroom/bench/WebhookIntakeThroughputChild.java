package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.local.stack.SdkCallCounter;
import com.warroom.payments.MidtransServerKey;
import com.warroom.payments.MidtransSignature;
import com.warroom.payments.PaymentCheckQueue;
import com.warroom.payments.PaymentEvents;
import com.warroom.payments.intake.WebhookIntake;
import com.warroom.payments.intake.WebhookIntakeHandler;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The measured JVM of {@link WebhookIntakeThroughput}: on the webhook-intake Lambda jar, the real intake handler (its
 * router, signature check, conditional put and send) against the embedded stack, and the raw calls it is built from,
 * in the same rounds. Every client is built as {@code AwsClients} builds them (URL-connection HTTP client, credentials
 * from the environment); the intake's own clients also count their calls.
 */
public final class WebhookIntakeThroughputChild {

    static final String MARKER = "WEBHOOK-INTAKE";
    static final String LOCAL_KEY = "SB-Mid-server-warroom-local-only";
    static final List<String> VARIANTS = List.of("raw-put", "raw-put-send", "intake-new", "intake-duplicate");

    private WebhookIntakeThroughputChild() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "3", "rounds", "10", "ops", "200", "threads", "1,4", "launcher-pid", "0", "max-other-cores", "0.25"));
        long launcherPid = Long.parseLong(options.text("launcher-pid"));
        double maxOtherCores = Double.parseDouble(options.text("max-other-cores"));
        int ops = options.number("ops");

        SdkCallCounter counter = new SdkCallCounter();
        DynamoDbClient counted = dynamo(List.of(counter));
        SqsClient countedSqs = sqs(List.of(counter));
        DynamoDbClient raw = dynamo(List.of());
        SqsClient rawSqs = sqs(List.of());
        String table = Settings.require(Topology.PAYMENT_EVENTS.envVar());
        String queue = Settings.require(Topology.PAYMENT_CHECKS.urlEnvVar());
        var enhanced = software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient.builder().dynamoDbClient(counted).build();
        WebhookIntakeHandler handler = new WebhookIntakeHandler(new WebhookIntake(new PaymentEvents(enhanced, table),
                new PaymentCheckQueue(countedSqs, queue), new MidtransServerKey(secret -> LOCAL_KEY, Clock.systemUTC()), Clock.systemUTC()));

        for (String threadsText : options.text("threads").split(",")) {
            int threads = Integer.parseInt(threadsText.strip());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            int measured = 0;
            int warmup = options.number("warmup");
            int rounds = options.number("rounds");
            for (int round = 1; measured < rounds && round <= warmup + 2 * rounds; round++) {
                boolean warming = round <= warmup;
                rawSqs.purgeQueue(b -> b.queueUrl(queue));
                // what each variant sends is made before the clock starts: Lambda hands the handler a decoded event
                List<APIGatewayV2HTTPEvent> fresh = events(ops);
                List<APIGatewayV2HTTPEvent> duplicates = events(ops);
                duplicates.forEach(e -> handle(handler, e));
                List<Map<String, AttributeValue>> items = rawItems(ops);
                Map<String, Runnable[]> work = new LinkedHashMap<>();
                work.put("raw-put", calls(ops, i -> raw.putItem(b -> b.tableName(table).item(items.get(i))
                        .conditionExpression("attribute_not_exists(eventKey)"))));
                List<Map<String, AttributeValue>> moreItems = rawItems(ops);
                work.put("raw-put-send", calls(ops, i -> {
                    raw.putItem(b -> b.tableName(table).item(moreItems.get(i)).conditionExpression("attribute_not_exists(eventKey)"));
                    rawSqs.sendMessage(b -> b.queueUrl(queue).messageBody(moreItems.get(i).get("orderId").s()));
                }));
                work.put("intake-new", calls(ops, i -> handle(handler, fresh.get(i))));
                work.put("intake-duplicate", calls(ops, i -> handle(handler, duplicates.get(i))));

                CpuClock.awaitQuiet(0.15, Duration.ofSeconds(5));
                long machineBefore = CpuClock.machineBusyMillis();
                long ownBefore = CpuClock.processMillis();
                long launcherBefore = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid);
                long begin = System.nanoTime();
                List<String> lines = new ArrayList<>();
                for (int v = 0; v < VARIANTS.size(); v++) {
                    // the variant that goes first rotates, so a slow spell of the machine falls on all of them alike
                    String variant = VARIANTS.get((v + round) % VARIANTS.size());
                    counter.reset();
                    long nanos = timed(pool, threads, work.get(variant));
                    Map<String, Long> calls = counter.calls();
                    lines.add(String.format(Locale.ROOT, "variant=%s nanos=%d ops=%d dynamoCalls=%d sqsCalls=%d calls=%s", variant, nanos, ops,
                            counter.callsTo("DynamoDb"), counter.callsTo("Sqs"), calls.toString().replace(" ", "")));
                }
                long wallMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
                long launcherCpu = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid) - launcherBefore;
                double otherCores = (CpuClock.machineBusyMillis() - machineBefore - (CpuClock.processMillis() - ownBefore) - launcherCpu)
                        / (double) wallMillis;
                String phase = warming ? "warmup" : otherCores <= maxOtherCores ? "measure" : "disturbed";
                if (phase.equals("measure")) {
                    measured++;
                }
                for (String line : lines) {
                    System.out.printf(Locale.ROOT, "%s kind=rate phase=%s threads=%d round=%d %s%n", MARKER, phase, threads, round, line);
                }
                System.out.printf(Locale.ROOT, "%s kind=round phase=%s threads=%d round=%d otherCores=%.2f launcherCores=%.2f%n",
                        MARKER, phase, threads, round, otherCores, launcherCpu / (double) wallMillis);
            }
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "%s kind=end%n", MARKER);
        System.out.flush();
        System.exit(0);
    }

    private static void handle(WebhookIntakeHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LocalLambdaContext.of(Topology.WEBHOOK_INTAKE.name(), 512, 10));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("the intake answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    private static Runnable[] calls(int ops, java.util.function.IntConsumer call) {
        Runnable[] calls = new Runnable[ops];
        for (int i = 0; i < ops; i++) {
            int index = i;
            calls[i] = () -> call.accept(index);
        }
        return calls;
    }

    /** Runs every call, spread over the threads, from one start signal; answers the wall time. */
    private static long timed(ExecutorService pool, int threads, Runnable[] calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = first; i < calls.length; i += threads) {
                    calls[i].run();
                }
                return null;
            }));
        }
        long begin = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        return System.nanoTime() - begin;
    }

    /** Signed settlement notifications of new orders, as API Gateway hands them over (about 650 bytes each). */
    static List<APIGatewayV2HTTPEvent> events(int count) {
        List<APIGatewayV2HTTPEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(HttpEvents.route("POST /v1/webhooks/midtrans").body(notification("O-bench-" + UUID.randomUUID().toString().substring(0, 18))).build());
        }
        return events;
    }

    static String notification(String orderId) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("transaction_time", "2026-11-30 16:25:12");
        n.put("transaction_status", "settlement");
        n.put("transaction_id", UUID.randomUUID().toString());
        n.put("status_message", "midtrans payment notification");
        n.put("status_code", "200");
        n.put("signature_key", MidtransSignature.of(orderId, "200", "150000.00", LOCAL_KEY));
        n.put("settlement_time", "2026-11-30 16:29:41");
        n.put("payment_type", "bank_transfer");
        n.put("va_numbers", List.of(Map.of("va_number", "812785002530231", "bank", "bni")));
        n.put("order_id", orderId);
        n.put("merchant_id", "G141532850");
        n.put("gross_amount", "150000.00");
        n.put("fraud_status", "accept");
        n.put("expiry_time", "2026-12-01 16:25:12");
        n.put("currency", "IDR");
        return Json.write(n);
    }

    /** Payment-event items of the intake's shape and size, for the raw conditional put. */
    private static List<Map<String, AttributeValue>> rawItems(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String orderId = "O-raw-" + UUID.randomUUID().toString().substring(0, 18);
            items.add(Map.of("orderId", AttributeValue.fromS(orderId),
                    "eventKey", AttributeValue.fromS("notification:" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(32)),
                    "kind", AttributeValue.fromS("notification"),
                    "at", AttributeValue.fromS("2026-11-30T16:29:41.000Z"),
                    "raw", AttributeValue.fromS(notification(orderId))));
        }
        return items;
    }

    private static DynamoDbClient dynamo(List<ExecutionInterceptor> interceptors) {
        return DynamoDbClient.builder().region(Region.of(Settings.require("AWS_REGION"))).httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .endpointOverride(URI.create(Settings.require("AWS_ENDPOINT_URL_DYNAMODB")))
                .overrideConfiguration(c -> c.executionInterceptors(interceptors)).build();
    }

    private static SqsClient sqs(List<ExecutionInterceptor> interceptors) {
        return SqsClient.builder().region(Region.of(Settings.require("AWS_REGION"))).httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .endpointOverride(URI.create(Settings.require("AWS_ENDPOINT_URL_SQS")))
                .overrideConfiguration(c -> c.executionInterceptors(interceptors)).build();
    }
}
