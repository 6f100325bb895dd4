package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.local.auth.LocalIdentity;
import com.warroom.local.auth.TokenMint;
import com.warroom.local.auth.TokenVerifier;
import com.warroom.local.control.ControlServer;
import com.warroom.local.gateway.ConsoleSite;
import com.warroom.local.gateway.GatewayLimits;
import com.warroom.local.gateway.LocalGateway;
import com.warroom.local.lambda.FailureLog;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.secrets.LocalSecrets;
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
 * Warroom running on this machine: the embedded stack with its data on disk, provisioned from the topology, every
 * function's trigger realized over it ({@link LocalTriggers}: the local gateway, queue pollers, the scheduler), and the
 * control endpoint for {@code ./warroom schedule}. Closing stops the control endpoint, the triggers and the gateway,
 * then the stack.
 */
final class LocalWarroom implements AutoCloseable {

    private final EmbeddedStack stack;
    private final LocalTriggers triggers;
    private final LocalGateway gateway;
    private final ControlServer control;
    private final Map<String, String> settings;
    private final String config;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalWarroom(EmbeddedStack stack, LocalTriggers triggers, Running running, Map<String, String> settings, String config) {
        this.stack = stack;
        this.triggers = triggers;
        this.gateway = running.gateway();
        this.control = running.control();
        this.settings = Map.copyOf(settings);
        this.config = config;
    }

    private record Running(LocalGateway gateway, ControlServer control) {
    }

    /**
     * {@code workingDir} is where the config seed file is looked for, on a first start (see {@link LocalConfigSeed});
     * {@code failures} hears of what fails in the background (queue batches, scheduled runs).
     */
    static LocalWarroom start(LocalSettings local, DataFolder data, RSAKey signingKey, Topology topology, Path workingDir,
                              FailureLog failures) throws Exception {
        EmbeddedLogs.into(data.log());
        EmbeddedStack stack = EmbeddedStack.start(
                new EmbeddedStack.Options(local.dynamoDb().port(), local.sqs().port(), Optional.of(data.dynamoDbData()),
                        local.sfn().port(), local.sns().port(), local.kms().port(), Optional.of(data.kmsKeyFile()),
                        local.s3().port(), Optional.of(data.s3Dir())));
        try {
            provision(stack, topology, data);
            data.tightenAgain();
            System.setProperty(LocalSecrets.DIR_SETTING, data.secretsDir().toString());
            String config = LocalConfigSeed.ensure(workingDir);
            // handlers read their settings when constructed, so only now that they point at this stack
            LocalTriggers triggers = LocalTriggers.realize(topology, stack, failures);
            try {
                PendingApprovals.resume(new ApprovalStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.APPROVALS.envVar())),
                        ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                        (id, decision) -> stack.localStepFunctions().startAfterDecision(Topology.APPROVAL, id, decision));
                TokenVerifier verifier = new TokenVerifier(signingKey, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC());
                ConsoleSite console = ConsoleSite.of(ConsoleSite.find(workingDir),
                        new TokenMint(signingKey, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()));
                Running running = listen(new InetSocketAddress(EmbeddedStack.LOOPBACK, local.gateway().port()), verifier, topology,
                        triggers.start(), data, console);
                return new LocalWarroom(stack, triggers, running, stack.settings(topology), config);
            } catch (Exception | Error e) {
                triggers.close();
                throw e;
            }
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private static Running listen(InetSocketAddress gatewayAddress, TokenVerifier verifier, Topology topology, LocalTriggers triggers,
                                  DataFolder data, ConsoleSite console) throws IOException {
        LocalGateway gateway = LocalGateway.start(gatewayAddress, topology, triggers.routes(), verifier, GatewayLimits.DEFAULT, console);
        try {
            return new Running(gateway, ControlServer.start(data.dir(), triggers.scheduler()));
        } catch (IOException | RuntimeException e) {
            gateway.close();
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

    URI kmsEndpoint() {
        return stack.kmsEndpoint();
    }

    /** The config in force, as the banner says it: {@code v3}, or {@code seeded v1 from <file>} on a first start. */
    String config() {
        return config;
    }

    /** The queue pollers and the scheduler, for the banner. */
    LocalTriggers triggers() {
        return triggers;
    }

    /** The settings the functions run with: endpoints, table names, queue URLs. */
    Map<String, String> settings() {
        return settings;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                control.close();
                triggers.close();
                gateway.close();
            } finally {
                stack.close();
            }
        }
    }
}
