package com.warroom.local.stack;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ, in-process on 127.0.0.1: real implementations of the AWS wire APIs,
 * reached through the real SDK clients. {@link #provision} creates every table and queue of the
 * topology; {@link #settings} are the variables that point Warroom's code at them.
 */
public final class EmbeddedStack implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";

    private final DynamoDBProxyServer dynamo;
    private final int dynamoPort;
    private final SQSRestServer sqsServer;
    private final int sqsPort;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();

    private EmbeddedStack(DynamoDBProxyServer dynamo, int dynamoPort, SQSRestServer sqsServer, int sqsPort) {
        this.dynamo = dynamo;
        this.dynamoPort = dynamoPort;
        this.sqsServer = sqsServer;
        this.sqsPort = sqsPort;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal"));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.sqs = SqsClient.builder().endpointOverride(sqsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Where the stack keeps its data and which ports it binds (0 picks a free one). */
    public record Options(int dynamoPort, int sqsPort, Optional<Path> dynamoDataDir) {
        /** Ephemeral ports, in memory: for tests. */
        public static Options ephemeral() {
            return new Options(0, 0, Optional.empty());
        }
    }

    public static EmbeddedStack start(Options options) throws Exception {
        int dynamoPort = options.dynamoPort() == 0 ? freePort() : options.dynamoPort();
        int sqsPort = options.sqsPort() == 0 ? freePort() : options.sqsPort();
        // -sharedDb: one database whatever the caller's credentials and region, so the AWS CLI and every client see the same tables
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(dynamoPort), "-disableTelemetry", "-sharedDb"));
        if (options.dynamoDataDir().isPresent()) {
            args.addAll(List.of("-dbPath", options.dynamoDataDir().get().toString()));
        } else {
            args.add("-inMemory");
        }
        DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        bindToLoopback(dynamo);
        dynamo.start();
        SQSRestServer sqs;
        try {
            sqs = SQSRestServerBuilder.withInterface(LOOPBACK).withPort(sqsPort)
                    .withServerAddress(new NodeAddress("http", LOOPBACK, sqsPort, ""))
                    .start();
            sqs.waitUntilStarted();
        } catch (RuntimeException e) {
            dynamo.stop();
            throw e;
        }
        return new EmbeddedStack(dynamo, dynamoPort, sqs, sqsPort);
    }

    public URI dynamoEndpoint() {
        return URI.create("http://" + LOOPBACK + ":" + dynamoPort);
    }

    public URI sqsEndpoint() {
        return URI.create("http://" + LOOPBACK + ":" + sqsPort);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Creates every table and queue of the topology that does not exist yet. */
    public EmbeddedStack provision(Topology topology) {
        var provisioner = new TopologyProvisioner(dynamoDb, sqs);
        topology.tables().forEach(provisioner::ensureTable);
        topology.queues().forEach(q -> queueUrls.put(q.urlEnvVar(), provisioner.ensureQueue(q)));
        return this;
    }

    /** The variables that point Warroom's handlers at this stack: endpoints, table names and queue URLs. */
    public Map<String, String> settings(Topology topology) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint().toString());
        settings.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        topology.tables().forEach(t -> settings.put(t.envVar(), t.localName()));
        settings.putAll(queueUrls);
        return settings;
    }

    /** Makes {@link #settings} visible to code in this JVM (see {@code com.warroom.aws.Settings}). */
    public void exportAsSystemProperties(Topology topology) {
        settings(topology).forEach(System::setProperty);
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        sqsServer.stopAndWait();
        try {
            dynamo.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    // DynamoDB Local has no bind-address option and its Jetty server listens on every interface;
    // Warroom's local stack must only be reachable from this machine.
    private static void bindToLoopback(DynamoDBProxyServer dynamo) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server server = (Server) field.get(dynamo);
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(LOOPBACK);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        }
    }
}
