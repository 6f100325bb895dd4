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
import com.warroom.local.custody.CustodyOperations;
import com.warroom.local.custody.CustodySimulator;
import com.warroom.local.gateway.ConsoleSite;
import com.warroom.local.gateway.GatewayLimits;
import com.warroom.local.gateway.LocalGateway;
import com.warroom.local.lambda.FailureLog;
import com.warroom.local.metrics.LocalMetrics;
import com.warroom.local.midtrans.MidtransSimulator;
import com.warroom.local.midtrans.OrderAmounts;
import com.warroom.local.midtrans.SimulatedPayment;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.secrets.LocalSecrets;
import com.warroom.topology.ApprovalWorkflowDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.ScanWorkflowDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.Topology;
import com.warroom.topology.WorkflowDef;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Warroom running on this machine: the embedded stack with its data on disk, provisioned from the topology, every
 * function's trigger realized over it ({@link LocalTriggers}: the local gateway, queue pollers, the scheduler), the
 * Midtrans and custody simulators standing in for those APIs ({@link ExternalApis}), and the control endpoint for
 * {@code ./warroom schedule}, {@code ./warroom midtrans} and {@code ./warroom custody}. Closing stops the control
 * endpoint, the triggers, the gateway and the simulators, then the stack.
 */
final class LocalWarroom implements AutoCloseable {

    private final EmbeddedStack stack;
    private final LocalTriggers triggers;
    private final LocalGateway gateway;
    private final ControlServer control;
    private final Map<String, String> settings;
    private final String config;
    private final Midtrans midtrans;
    private final Custody custody;
    private final LocalMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalWarroom(EmbeddedStack stack, LocalTriggers triggers, Running running, Map<String, String> settings, String config,
                         Simulators simulators, LocalMetrics metrics) {
        this.stack = stack;
        this.triggers = triggers;
        this.gateway = running.gateway();
        this.control = running.control();
        this.settings = Map.copyOf(settings);
        this.config = config;
        this.midtrans = simulators.midtrans();
        this.custody = simulators.custody();
        this.metrics = metrics;
    }

    /** The Midtrans simulator, the external APIs as realized, and the key file {@code up} wrote the local default to. */
    record Midtrans(MidtransSimulator simulator, ExternalApis apis, Optional<Path> defaultKeyWritten) {
    }

    /** The custody simulator, and the custody secret files {@code up} just wrote. */
    record Custody(CustodySimulator simulator, List<Path> keysWritten) {
    }

    private record Simulators(Midtrans midtrans, Custody custody) {
    }

    private record Running(LocalGateway gateway, ControlServer control) {
    }

    /**
     * {@code workingDir} is where the config seed file is looked for, on a first start (see {@link LocalConfigSeed});
     * {@code failures} hears of what fails in the background (queue batches, scheduled runs).
     */
    static LocalWarroom start(LocalSettings local, DataFolder data, RSAKey signingKey, Topology topology, Path workingDir,
                              FailureLog failures, Map<String, String> environment) throws Exception {
        EmbeddedLogs.into(data.log());
        Path logsDir = data.logsDir();
        FunctionLogFile.into(logsDir);
        if (topology.functions().stream().anyMatch(FunctionDef::queriesLogs)) {
            // what the CDK app's WARROOM_LOG_GROUPS is in AWS: where the functions that query logs find them
            System.setProperty(FunctionDef.LOCAL_LOG_DIR_ENV, logsDir.toString());
        }
        EmbeddedStack stack = EmbeddedStack.start(
                new EmbeddedStack.Options(local.dynamoDb().port(), local.sqs().port(), Optional.of(data.dynamoDbData()),
                        local.sfn().port(), local.sns().port(), local.kms().port(), Optional.of(data.kmsKeyFile()),
                        local.s3().port(), Optional.of(data.s3Dir()), local.ses().port(), Optional.of(data.mailDir())));
        MidtransSimulator simulator = null;
        CustodySimulator custodySimulator = null;
        LocalMetrics metrics = null;
        try {
            provision(stack, topology, data);
            data.tightenAgain();
            System.setProperty(LocalSecrets.DIR_SETTING, data.secretsDir().toString());
            // the functions read secrets through Settings: the variables this up was given reach them as properties
            for (SecretDef secret : topology.secrets()) {
                Optional.ofNullable(environment.get(secret.localEnvVar())).filter(v -> !v.isBlank())
                        .ifPresent(value -> System.setProperty(secret.localEnvVar(), value));
            }
            Optional<Path> keyWritten = LocalMidtransKey.ensure(data.secretsDir(), environment);
            LocalSecrets secrets = LocalSecrets.fromEnvironment();
            simulator = MidtransSimulator.start(local.midtrans().port(), Optional.of(data.midtransDir()),
                    () -> secrets.read(LocalMidtransKey.SECRET), Clock.systemUTC());
            LocalCustodyKeys.Ensured custodyKeys = LocalCustodyKeys.ensure(data.secretsDir(), data.custodyDir(), environment);
            custodySimulator = CustodySimulator.start(CustodySimulator.Setup.of(local.custody().port(), Optional.of(data.custodyDir())),
                    new CustodySimulator.Keys(() -> secrets.read(LocalCustodyKeys.API_KEY), () -> secrets.read(LocalCustodyKeys.SIGNING_KEY),
                            custodyKeys.simulatorKey()), failures);
            Custody custody = new Custody(custodySimulator, custodyKeys.written());
            ExternalApis apis = ExternalApis.realize(topology, Map.of(Topology.MIDTRANS_API.logicalName(), simulator.endpoint(),
                    Topology.CUSTODY_API.logicalName(), custodySimulator.endpoint()), environment);
            for (ExternalApis.Realized api : apis.apis()) {
                String variable = api.api().baseUrlEnvVar();
                api.baseUrl().ifPresentOrElse(url -> System.setProperty(variable, url), () -> System.clearProperty(variable));
            }
            Midtrans midtrans = new Midtrans(simulator, apis, keyWritten);
            String config = LocalConfigSeed.ensure(workingDir);
            // before the handlers: the alarm evaluation learns the metric file from its settings when constructed
            metrics = LocalMetrics.install(data.metricsFile(), Clock.systemUTC());
            // handlers read their settings when constructed, so only now that they point at this stack
            LocalTriggers triggers = LocalTriggers.realize(topology, stack, failures);
            try {
                resumeWorkflows(topology, stack);
                TokenVerifier verifier = new TokenVerifier(signingKey, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC());
                ConsoleSite console = ConsoleSite.of(ConsoleSite.find(workingDir),
                        new TokenMint(signingKey, LocalIdentity.WARROOM_LOCAL, Clock.systemUTC()));
                Running running = listen(new InetSocketAddress(EmbeddedStack.LOOPBACK, local.gateway().port()), verifier, topology,
                        triggers.start(), data, console, payer(stack, simulator), custodySimulator);
                return new LocalWarroom(stack, triggers, running, stack.settings(topology), config, new Simulators(midtrans, custody),
                        metrics);
            } catch (Exception | Error e) {
                triggers.close();
                throw e;
            }
        } catch (Exception | Error e) {
            if (simulator != null) {
                simulator.close();
            }
            if (custodySimulator != null) {
                custodySimulator.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            stack.close();
            throw e;
        }
    }

    // ./warroom midtrans pay: amounts of registered orders from the ORDERS table, notifications to this up's own gateway
    private static java.util.function.Function<URI, SimulatedPayment> payer(EmbeddedStack stack, MidtransSimulator simulator) {
        return gatewayUrl -> new SimulatedPayment(simulator, new OrderAmounts(stack.dynamoDb(), Topology.ORDERS.localName()),
                gatewayUrl.resolve(WEBHOOK_PATH));
    }

    /** Where Midtrans delivers its HTTP notifications: the webhook intake's route. */
    static final String WEBHOOK_PATH = Topology.WEBHOOK_INTAKE.routes().getFirst().path();

    /** Where the custodian delivers its callbacks: the payouts webhook's route. */
    static final String CUSTODY_WEBHOOK_PATH = Topology.CUSTODY_CALLBACK.routes().getFirst().path();

    private static Running listen(InetSocketAddress gatewayAddress, TokenVerifier verifier, Topology topology, LocalTriggers triggers,
                                  DataFolder data, ConsoleSite console, java.util.function.Function<URI, SimulatedPayment> payer,
                                  CustodySimulator custody) throws IOException {
        LocalGateway gateway = LocalGateway.start(gatewayAddress, topology, triggers.routes(), verifier, GatewayLimits.DEFAULT, console);
        custody.callbacksTo(gateway.url().resolve(CUSTODY_WEBHOOK_PATH));
        try {
            return new Running(gateway, ControlServer.start(data.dir(), triggers.scheduler(), Optional.of(payer.apply(gateway.url())),
                    Optional.of(new CustodyOperations(custody))));
        } catch (IOException | RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /**
     * The local Step Functions keeps executions in memory, so a restart loses them; what each kind of workflow does about
     * it. (The stack registered every workflow, of every kind, when it provisioned the topology.)
     */
    private static void resumeWorkflows(Topology topology, EmbeddedStack stack) {
        for (WorkflowDef workflow : topology.workflows()) {
            switch (workflow) {
                case ApprovalWorkflowDef approval -> PendingApprovals.resume(
                        new ApprovalStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.APPROVALS.envVar())),
                        ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                        (id, decision) -> stack.localStepFunctions().startAfterDecision(approval, id, decision));
                // no decision to keep: what survives of a scan run a restart cut short is what its task functions recorded
                case ScanWorkflowDef scan -> { }
            }
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

    URI sesEndpoint() {
        return stack.sesEndpoint();
    }

    /** Where the local SES keeps the mail it took. */
    Optional<Path> mailDir() {
        return stack.localSes().mailDir();
    }

    Midtrans midtrans() {
        return midtrans;
    }

    Custody custody() {
        return custody;
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
                midtrans.simulator().close();
                custody.simulator().close();
                metrics.close();
            } finally {
                FunctionLogFile.stop();
                stack.close();
            }
        }
    }
}
