package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.local.gateway.LambdaFunctions;
import com.warroom.local.gateway.LocalGateway;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Warroom running on this machine: the embedded stack with its data on disk, provisioned from the
 * topology, and the local gateway in front of the functions. Closing stops the gateway, then the stack.
 */
final class LocalWarroom implements AutoCloseable {

    private final EmbeddedStack stack;
    private final LocalGateway gateway;
    private final Map<String, String> settings;
    private final String config;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalWarroom(EmbeddedStack stack, LocalGateway gateway, Map<String, String> settings, String config) {
        this.stack = stack;
        this.gateway = gateway;
        this.settings = Map.copyOf(settings);
        this.config = config;
    }

    /** {@code workingDir} is where the config seed file is looked for, on a first start (see {@link LocalConfigSeed}). */
    static LocalWarroom start(LocalSettings local, DataFolder data, RSAKey signingKey, Topology topology, Path workingDir)
            throws Exception {
        EmbeddedLogs.into(data.log());
        EmbeddedStack stack = EmbeddedStack.start(
                new EmbeddedStack.Options(local.dynamoDb().port(), local.sqs().port(), Optional.of(data.dynamoDbData()),
                        local.sfn().port(), local.sns().port()));
        try {
            provision(stack, topology, data);
            String config = LocalConfigSeed.ensure(workingDir);
            // handlers read their settings when constructed, so only now that they point at this stack
            LambdaFunctions functions = LambdaFunctions.instantiate(topology);
            PendingApprovals.resume(new ApprovalStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.APPROVALS.envVar())),
                    ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()));
            LocalGateway gateway = LocalGateway.start(new InetSocketAddress(EmbeddedStack.LOOPBACK, local.gateway().port()),
                    topology, functions, new TokenVerifier(signingKey, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()));
            return new LocalWarroom(stack, gateway, stack.settings(topology), config);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private static void provision(EmbeddedStack stack, Topology topology, DataFolder data) throws IOException {
        try {
            stack.provision(topology).exportAsSystemProperties(topology);
        } catch (AwsServiceException e) {
            // DynamoDB Local answers 500 with no useful message when its database file is damaged
            String service = e.awsErrorDetails() == null ? "the embedded stack" : e.awsErrorDetails().serviceName();
            throw new IllegalStateException(service + " could not create the tables and queues (HTTP " + e.statusCode()
                    + "); if " + data.dynamoDbData() + " is damaged, move it away to start with empty tables", e);
        }
    }

    URI gatewayUrl() {
        return gateway.url();
    }

    URI dynamoEndpoint() {
        return stack.dynamoEndpoint();
    }

    URI sqsEndpoint() {
        return stack.sqsEndpoint();
    }

    URI sfnEndpoint() {
        return stack.sfnEndpoint();
    }

    URI snsEndpoint() {
        return stack.snsEndpoint();
    }

    /** The config in force, as the banner says it: {@code v3}, or {@code seeded v1 from <file>} on a first start. */
    String config() {
        return config;
    }

    /** The settings the functions run with: endpoints, table names, queue URLs. */
    Map<String, String> settings() {
        return settings;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                gateway.close();
            } finally {
                stack.close();
            }
        }
    }
}
