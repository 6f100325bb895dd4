package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.lambda.FailureLog;
import com.warroom.local.queue.QueuePoller;
import com.warroom.local.schedule.NextRun;
import com.warroom.topology.BucketDef;
import com.warroom.topology.KeyDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warroom up}: starts Warroom on this machine and runs until Ctrl-C or SIGTERM. */
@Command(name = "up",
        description = {
            "Starts Warroom on this machine and runs until Ctrl-C or SIGTERM.",
            "DynamoDB Local (data on disk) and ElasticMQ (queues in memory) listen on",
            "127.0.0.1 with every table and queue of the topology; the HTTP API gateway",
            "serves the HTTP functions, a poller feeds each queue consumer, and the local",
            "scheduler fires each schedule (./warroom schedule list). Tables, secrets and",
            "the signing key stay for the next start."},
        footer = {"",
            "Environment:",
            "  WARROOM_DATA           data folder (default: .warroom beside ./warroom)",
            "  WARROOM_PORT           HTTP API gateway port (default 8080)",
            "  WARROOM_DYNAMODB_PORT  DynamoDB Local port (default 8000)",
            "  WARROOM_SQS_PORT       ElasticMQ (SQS) port (default 9324)",
            "  WARROOM_SFN_PORT       local Step Functions port (default 8083)",
            "  WARROOM_SNS_PORT       local SNS port (default 9911)",
            "  WARROOM_KMS_PORT       local KMS port, the seals' HMAC keys (default 8084)",
            "  WARROOM_S3_PORT        local S3 port, the write-once anchors bucket (default 8085)",
            "  WARROOM_SECRET_<NAME>  a secret's value (else the file $WARROOM_DATA/secrets/<name>)",
            "A port of 0 picks a free one."})
final class UpCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final RunnerEnvironment env;

    UpCommand(RunnerEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        StopSignal stop = env.stopSignal().get();
        LocalSettings settings;
        DataFolder data;
        DataFolder.UpClaim claim;
        try {
            settings = LocalSettings.from(env);
            data = DataFolder.open(settings.dataDir());
            claim = data.claimForUp();
        } catch (StartupRefused refused) {
            env.err().println(refused.getMessage());
            return 1;
        }
        try (claim) {
            return run(settings, data, stop);
        }
    }

    private int run(LocalSettings settings, DataFolder data, StopSignal stop) {
        RSAKey signingKey;
        try {
            PortCheck.requireFree(settings.ports());
            signingKey = data.signingKey();
        } catch (StartupRefused refused) {
            env.err().println(refused.getMessage());
            return 1;
        }
        LocalWarroom warroom;
        try {
            warroom = LocalWarroom.start(settings, data, signingKey, Topology.warroom(), env.workingDirectory(), failuresTo(data));
        } catch (Exception e) {
            data.log().failure("up could not start", e);
            env.err().println("warroom: could not start (" + oneLine(e) + "); details in " + data.log().file());
            return 1;
        }
        // for ways of ending the JVM other than the stop signal, e.g. SIGHUP when the terminal closes
        Thread shutdownHook = new Thread(warroom::close, "warroom-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        printBanner(warroom, data);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        env.out().println("Stopping Warroom...");
        warroom.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds everything closed
        }
        env.out().println("Stopped. The data stays in " + data.dir());
        return 0;
    }

    // one line on the console for each failure in the background, the stack trace in the run log
    private FailureLog failuresTo(DataFolder data) {
        return (what, cause) -> {
            data.log().failure(what + " failed", cause);
            env.err().println("warroom: " + what + " failed: " + cause.toString().lines().findFirst().orElse("") + "; details in "
                    + data.log().file());
        };
    }

    private void printBanner(LocalWarroom warroom, DataFolder data) {
        PrintStream out = env.out();
        String dynamo = warroom.dynamoEndpoint().toString();
        String sqs = warroom.sqsEndpoint().toString();
        out.println("Warroom is up. Data: " + data.dir());
        if (data.tightened() > 0) {
            out.println("  Permissions  made " + data.tightened() + " folders and files of the data folder owner-only (0700/0600)");
        }
        out.println("  API gateway  " + warroom.gatewayUrl());
        out.println("  Console      " + warroom.gatewayUrl().resolve("/console/") + "   sign in with a name and a role (local only)");
        out.println("  Config       " + warroom.config());
        out.println("  DynamoDB     " + dynamo + "   aws dynamodb list-tables --endpoint-url " + dynamo);
        out.println("  SQS          " + sqs + "   aws sqs list-queues --endpoint-url " + sqs);
        String sfn = warroom.sfnEndpoint().toString();
        String sns = warroom.snsEndpoint().toString();
        out.println("  SFN          " + sfn + "   aws stepfunctions list-state-machines --endpoint-url " + sfn);
        out.println("  SNS          " + sns + "   aws sns list-topics --endpoint-url " + sns);
        String kms = warroom.kmsEndpoint().toString();
        for (KeyDef key : Topology.warroom().keys()) {
            out.println("  KMS          " + kms + "   aws kms describe-key --key-id " + key.alias() + " --endpoint-url " + kms);
        }
        String s3 = warroom.settings().get("AWS_ENDPOINT_URL_S3");
        for (BucketDef bucket : Topology.warroom().buckets()) {
            // write-once, as Object Lock keeps it in AWS: listed and read, never overwritten or deleted
            out.println("  S3           " + s3 + "   aws s3 ls s3://" + bucket.localName() + "/ --recursive --endpoint-url " + s3);
        }
        for (QueueDef queue : Topology.warroom().queues()) {
            out.println("  Queue        " + warroom.settings().get(queue.urlEnvVar()));
        }
        for (TopicDef topic : Topology.warroom().topics()) {
            // local SNS keeps every message of a topic in the SQS queue of the same name
            out.println("  Topic        " + warroom.settings().get(topic.arnEnvVar()) + " -> " + sqs + "/000000000000/" + topic.localName());
        }
        for (QueuePoller poller : warroom.triggers().pollers()) {
            out.println("  Consumer     " + poller.functionName() + " <- " + poller.queue().url());
        }
        String dataPrefix = env.variables().containsKey(LocalSettings.DATA) ? LocalSettings.DATA + "=" + data.dir() + " " : "";
        for (NextRun next : warroom.triggers().scheduler().timetable()) {
            out.println("  Schedule     " + next.schedule() + " " + next.expression() + " " + next.zone().getId() + ", next " + next.at()
                    + "   " + dataPrefix + "./warroom schedule run " + next.schedule());
        }
        out.println("  Secrets      " + data.dir().resolve("secrets") + " (a file per secret) or WARROOM_SECRET_<NAME>");
        out.println("  Token        " + dataPrefix + "./warroom token --role ops --sub alice");
        out.println("Ctrl-C stops it.");
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
