package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.FlagStore;
import com.warroom.flags.api.FlagAdminHandler;
import com.warroom.flags.api.FlagReadHandler;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.HttpEvents;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The embedded stack (DynamoDB Local + ElasticMQ) in the launcher's JVM, provisioned from the topology and
 * seeded with {@link FlagSeed}; child JVMs reach it over loopback through the environment it hands out.
 */
final class BenchStack implements AutoCloseable {

    static final String LIST_ROUTE = "GET /v1/system-flags";

    private final EmbeddedStack stack;

    private BenchStack(EmbeddedStack stack) {
        this.stack = stack;
    }

    static BenchStack startSeeded() throws Exception {
        if (Topology.warroom().route(LIST_ROUTE).isEmpty() || Topology.warroom().route(FlagSeed.SET_ROUTE).isEmpty()) {
            throw new IllegalStateException("the topology no longer has the routes this bench calls");
        }
        EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral()).provision(Topology.warroom());
        stack.exportAsSystemProperties(Topology.warroom());
        FlagSeed.seed(new FlagAdminHandler(), new FlagStore(AwsClients.dynamoDbEnhanced(),
                Settings.require(Topology.FLAGS.envVar()),
                new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar())), Clock.systemUTC()));
        return new BenchStack(stack);
    }

    /**
     * The stack provisioned from the topology plus {@code extra} (tables of the bench's own), nothing seeded.
     */
    static BenchStack startProvisioned(Topology extra) throws Exception {
        EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral()).provision(Topology.warroom()).provision(extra);
        stack.exportAsSystemProperties(Topology.warroom());
        return new BenchStack(stack);
    }

    /** The stack provisioned from the topology (its workflows registered with the local Step Functions), nothing seeded. */
    static BenchStack startProvisioned() throws Exception {
        EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral()).provision(Topology.warroom());
        stack.exportAsSystemProperties(Topology.warroom());
        return new BenchStack(stack);
    }

    /** The stack's Step Functions, which runs the workflows' tasks in this JVM. */
    com.warroom.local.stack.sfn.LocalStepFunctions localStepFunctions() {
        return stack.localStepFunctions();
    }

    /**
     * What a function's environment holds in AWS, pointed at this stack: region, credentials (in environment
     * variables, as Lambda gives them), endpoints, table names and queue URLs, Powertools' names.
     */
    Map<String, String> lambdaEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(stack.settings(Topology.warroom()));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        // DynamoDB Local accepts keys made of letters and digits only
        env.put("AWS_ACCESS_KEY_ID", "warroomlocal");
        env.put("AWS_SECRET_ACCESS_KEY", "warroomlocal");
        env.put("POWERTOOLS_SERVICE_NAME", "flag-read");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Warroom");
        return env;
    }

    /** The list answer a child must reproduce byte for byte, from an in-process handler over the same table. */
    static APIGatewayV2HTTPResponse list(FlagReadHandler handler) {
        return handler.handleRequest(HttpEvents.route(LIST_ROUTE).caller("bench-support", Role.SUPPORT).build(),
                LocalLambdaContext.of("flag-read", 1024, 10));
    }

    /** Runs the list route {@code times} times in-process, so DynamoDB Local is not itself cold when the children call it. */
    static APIGatewayV2HTTPResponse warmUp(int times) {
        FlagReadHandler handler = new FlagReadHandler();
        APIGatewayV2HTTPResponse last = null;
        for (int i = 0; i < times; i++) {
            last = list(handler);
            if (last.getStatusCode() != 200) {
                throw new IllegalStateException("warm-up list failed: " + last.getStatusCode() + " " + last.getBody());
            }
        }
        return last;
    }

    /** A client of the stack's DynamoDB Local, for tables of other programs (the peer's). */
    DynamoDbClient dynamoDb() {
        return stack.dynamoDb();
    }

    @Override
    public void close() {
        stack.close();
    }
}
