package com.warroom.local.stack;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.warroom.aws.Settings;
import com.warroom.local.stack.kms.LocalKms;
import com.warroom.local.stack.s3.LocalS3;
import com.warroom.local.stack.ses.LocalSes;
import com.warroom.local.stack.sfn.LocalStepFunctions;
import com.warroom.local.stack.sns.LocalSns;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * reached through the real SDK clients; with them a local Step Functions, a local SNS, a local KMS, a local S3 and a
 * local SES speaking the AWS protocols for the workflows, topics, seal keys, write-once buckets and notification mail.
 * {@link #provision} creates every table, queue, topic, key, bucket and state machine of the topology and verifies its
 * mail senders; {@link #settings} are the variables that point Warroom's code at them.
 */
public final class EmbeddedStack implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final Duration TIMEOUT_CHECK_PERIOD = Duration.ofSeconds(1);

    private final DynamoDBProxyServer dynamo;
    private final int dynamoPort;
    private final SQSRestServer sqsServer;
    private final int sqsPort;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final String region = configuredRegion();
    private final AdjustableClock clock = AdjustableClock.system();
    // started right after construction, before the stack is handed out; null only while a failed start unwinds
    private LocalSns localSns;
    private LocalStepFunctions localStepFunctions;
    private LocalKms localKms;
    private LocalS3 localS3;
    private LocalSes localSes;

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

    /**
     * Where the stack keeps its data and which ports it binds (0 picks a free one); the local KMS keeps its keys in
     * {@code kmsKeyFile} when there is one, the local S3 its buckets under {@code s3DataDir}, and the local SES the mail
     * it takes as files in {@code mailDir}; else in memory.
     */
    public record Options(int dynamoPort, int sqsPort, Optional<Path> dynamoDataDir, int sfnPort, int snsPort, int kmsPort,
                          Optional<Path> kmsKeyFile, int s3Port, Optional<Path> s3DataDir, int sesPort, Optional<Path> mailDir) {

        /** A free port for the local SES, which keeps its mail in memory. */
        public Options(int dynamoPort, int sqsPort, Optional<Path> dynamoDataDir, int sfnPort, int snsPort, int kmsPort,
                       Optional<Path> kmsKeyFile, int s3Port, Optional<Path> s3DataDir) {
            this(dynamoPort, sqsPort, dynamoDataDir, sfnPort, snsPort, kmsPort, kmsKeyFile, s3Port, s3DataDir, 0, Optional.empty());
        }

        /** Free ports for the local Step Functions, SNS, KMS and S3; keys and objects in memory. */
        public Options(int dynamoPort, int sqsPort, Optional<Path> dynamoDataDir) {
            this(dynamoPort, sqsPort, dynamoDataDir, 0, 0, 0, Optional.empty());
        }

        /**
         * A free port for the local S3, whose buckets go in the folder {@code s3} beside the key file: a runner that
         * keeps its keys in its data folder keeps its objects there too (in memory when there is no key file).
         */
        public Options(int dynamoPort, int sqsPort, Optional<Path> dynamoDataDir, int sfnPort, int snsPort, int kmsPort,
                       Optional<Path> kmsKeyFile) {
            this(dynamoPort, sqsPort, dynamoDataDir, sfnPort, snsPort, kmsPort, kmsKeyFile, 0,
                    kmsKeyFile.map(file -> file.toAbsolutePath().resolveSibling(S3_FOLDER)));
        }

        /** Ephemeral ports, in memory: for tests. */
        public static Options ephemeral() {
            return new Options(0, 0, Optional.empty(), 0, 0, 0, Optional.empty(), 0, Optional.empty(), 0, Optional.empty());
        }
    }

    /** The folder, beside the KMS key file, where {@link Options} puts the local S3's buckets unless told otherwise. */
    public static final String S3_FOLDER = "s3";

    /** The sender address of the topology's mail on this stack: the local SES's one verified identity. */
    public static final String LOCAL_MAIL_FROM = "warroom@localhost";

    /** The SDK's per-service endpoint variable for SES v2 (what {@code AwsClients.sesV2()} honours). */
    public static final String SES_ENDPOINT_SETTING = "AWS_ENDPOINT_URL_SESV2";

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
            // queue ARNs name the region the functions see, as the eventSourceARN of an SQS event does
            sqs = SQSRestServerBuilder.withInterface(LOOPBACK).withPort(sqsPort)
                    .withServerAddress(new NodeAddress("http", LOOPBACK, sqsPort, ""))
                    .withAWSRegion(configuredRegion())
                    .start();
            sqs.waitUntilStarted();
        } catch (RuntimeException e) {
            dynamo.stop();
            throw e;
        }
        EmbeddedStack stack = new EmbeddedStack(dynamo, dynamoPort, sqs, sqsPort);
        try {
            stack.startEmulators(options);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startEmulators(Options options) throws IOException {
        localSns = LocalSns.start(options.snsPort(), region, sqs);
        localStepFunctions = LocalStepFunctions.start(options.sfnPort(), region, clock).checkingTimeoutsEvery(TIMEOUT_CHECK_PERIOD);
        localKms = LocalKms.start(options.kmsPort(), region, options.kmsKeyFile());
        localS3 = LocalS3.start(options.s3Port(), region, options.s3DataDir());
        localSes = LocalSes.start(options.sesPort(), region, options.mailDir());
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

    public URI sfnEndpoint() {
        return localStepFunctions.endpoint();
    }

    public URI snsEndpoint() {
        return localSns.endpoint();
    }

    public URI kmsEndpoint() {
        return localKms.endpoint();
    }

    public URI s3Endpoint() {
        return localS3.endpoint();
    }

    public URI sesEndpoint() {
        return localSes.endpoint();
    }

    /** The local SES: the mail the functions sent. */
    public LocalSes localSes() {
        return localSes;
    }

    /** The local S3: the topology's write-once buckets. */
    public LocalS3 localS3() {
        return localS3;
    }

    /** The local KMS: the ARNs of the topology's keys. */
    public LocalKms localKms() {
        return localKms;
    }

    /** The local Step Functions: for tests, {@code awaitQuiet}, task tokens and firing timeouts after {@link #clock()} moved. */
    public LocalStepFunctions localStepFunctions() {
        return localStepFunctions;
    }

    /** The local SNS: what was published to each topic. */
    public LocalSns localSns() {
        return localSns;
    }

    /**
     * The local Step Functions' clock: the system clock until a test moves it forward. A background check fires due
     * task timeouts every second; a test that moved the clock calls {@code localStepFunctions().fireDueTimeouts()}
     * to have them fired at once.
     */
    public AdjustableClock clock() {
        return clock;
    }

    /** The region in local ARNs: {@code AWS_REGION}, else us-east-1. */
    public String region() {
        return region;
    }

    private static String configuredRegion() {
        return Settings.find("AWS_REGION").orElse(DEFAULT_REGION);
    }

    /**
     * Creates every table, queue, topic (with the queue that receives its messages), key and bucket of the topology that
     * does not exist yet, and registers its workflows as local state machines.
     */
    public EmbeddedStack provision(Topology topology) {
        var provisioner = new TopologyProvisioner(dynamoDb, sqs);
        topology.tables().forEach(provisioner::ensureTable);
        topology.queues().forEach(q -> {
            queueUrls.put(q.urlEnvVar(), provisioner.ensureQueue(q));
            queueUrls.put(q.dlqUrlEnvVar(), sqs.getQueueUrl(b -> b.queueName(q.localDlqName())).queueUrl());
        });
        topology.topics().forEach(localSns::register);
        topology.keys().forEach(localKms::register);
        topology.buckets().forEach(localS3::register);
        topology.workflows().forEach(localStepFunctions::register);
        if (!topology.mails().isEmpty()) {
            localSes.verify(LOCAL_MAIL_FROM);
        }
        return this;
    }

    /**
     * The variables that point Warroom's handlers at this stack: endpoints, table names, queue URLs, topic ARNs,
     * state machine ARNs, key ARNs, bucket names and the mail sender addresses.
     */
    public Map<String, String> settings(Topology topology) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint().toString());
        settings.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        settings.put("AWS_ENDPOINT_URL_SFN", sfnEndpoint().toString());
        settings.put("AWS_ENDPOINT_URL_SNS", snsEndpoint().toString());
        settings.put("AWS_ENDPOINT_URL_KMS", kmsEndpoint().toString());
        settings.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        settings.put(SES_ENDPOINT_SETTING, sesEndpoint().toString());
        topology.tables().forEach(t -> settings.put(t.envVar(), t.localName()));
        settings.putAll(queueUrls);
        topology.topics().forEach(t -> settings.put(t.arnEnvVar(), localSns.topicArn(t)));
        topology.workflows().forEach(w -> settings.put(w.arnEnvVar(), localStepFunctions.stateMachineArn(w)));
        topology.keys().forEach(k -> settings.put(k.idEnvVar(), localKms.keyArn(k)));
        topology.buckets().forEach(b -> settings.put(b.nameEnvVar(), b.localName()));
        topology.mails().forEach(m -> settings.put(m.fromEnvVar(), LOCAL_MAIL_FROM));
        return settings;
    }

    /** Makes {@link #settings} visible to code in this JVM (see {@code com.warroom.aws.Settings}). */
    public void exportAsSystemProperties(Topology topology) {
        settings(topology).forEach(System::setProperty);
    }

    @Override
    public void close() {
        if (localSes != null) {
            localSes.close();
        }
        if (localS3 != null) {
            localS3.close();
        }
        if (localKms != null) {
            localKms.close();
        }
        if (localStepFunctions != null) {
            localStepFunctions.close();
        }
        if (localSns != null) {
            localSns.close();
        }
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
