package com.warroom.local;

import com.nimbusds.jose.jwk.RSAKey;
import com.warroom.local.lambda.FailureLog;
import com.warroom.local.queue.QueuePoller;
import com.warroom.local.schedule.NextRun;
import com.warroom.topology.BucketDef;
import com.warroom.topology.KeyDef;
import com.warroom.topology.MailDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
            "  WARROOM_SES_PORT       local SES port, the notification mail (default 8086)",
            "  WARROOM_MIDTRANS_PORT  Midtrans simulator port (default 8087)",
            "  WARROOM_CUSTODY_PORT   custody simulator port (default 8088)",
            "  WARROOM_SECRET_<NAME>  a secret's value (else the file $WARROOM_DATA/secrets/<name>)",
            "A port of 0 picks a free one."})
final class UpCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final RunnerEnvironment env;
    private final Topology topology;

    UpCommand(RunnerEnvironment env, Topology topology) {
        this.env = env;
        this.topology = topology;
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
            warroom = LocalWarroom.start(settings, data, signingKey, topology, env.workingDirectory(), failuresTo(data),
                    env.variables());
        } catch (Exception e) {
            data.log().failure("up could not start", e);
            env.err().println("warroom: could not start (" + oneLine(e) + "); details in " + data.log().file());
            return 1;
        }
        // for ways of ending the JVM other than the stop signal, e.g. SIGHUP when the terminal closes
        try {
            GatewayFile.write(data.dir(), warroom.gatewayUrl());
        } catch (IOException e) {
            data.log().failure("the gateway file could not be written (./warroom smoke --target local will not find this up)", e);
        }
        Thread shutdownHook = new Thread(() -> {
            GatewayFile.remove(data.dir());
            warroom.close();
        }, "warroom-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        printBanner(warroom, data);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        env.out().println("Stopping Warroom...");
        GatewayFile.remove(data.dir());
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
        for (KeyDef key : topology.keys()) {
            out.println("  KMS          " + kms + "   aws kms describe-key --key-id " + key.alias() + " --endpoint-url " + kms);
        }
        String s3 = warroom.settings().get("AWS_ENDPOINT_URL_S3");
        for (BucketDef bucket : topology.buckets()) {
            // write-once, as Object Lock keeps it in AWS: listed and read, never overwritten or deleted
            out.println("  S3           " + s3 + "   aws s3 ls s3://" + bucket.localName() + "/ --recursive --endpoint-url " + s3);
        }
        String ses = warroom.sesEndpoint().toString();
        for (MailDef mail : topology.mails()) {
            // nothing leaves the machine: the local SES keeps each message as a file
            out.println("  SES          " + ses + "   mail from " + warroom.settings().get(mail.fromEnvVar()) + " kept in "
                    + warroom.mailDir().map(Path::toString).orElse("memory") + "/ (a JSON file per message)");
        }
        printExternalApis(warroom.midtrans(), dataPrefix(data));
        printCustody(warroom.custody(), dataPrefix(data));
        for (QueueDef queue : topology.queues()) {
            out.println("  Queue        " + warroom.settings().get(queue.urlEnvVar()));
        }
        for (TopicDef topic : topology.topics()) {
            // local SNS keeps every message of a topic in the SQS queue of the same name
            out.println("  Topic        " + warroom.settings().get(topic.arnEnvVar()) + " -> " + sqs + "/000000000000/" + topic.localName());
        }
        for (QueuePoller poller : warroom.triggers().pollers()) {
            out.println("  Consumer     " + poller.functionName() + " <- " + poller.queue().url());
        }
        String dataPrefix = dataPrefix(data);
        for (NextRun next : warroom.triggers().scheduler().timetable()) {
            out.println("  Schedule     " + next.schedule() + " " + next.expression() + " " + next.zone().getId() + ", next " + next.at()
                    + "   " + dataPrefix + "./warroom schedule run " + next.schedule());
        }
        out.println("  Secrets      " + data.dir().resolve("secrets") + " (a file per secret) or WARROOM_SECRET_<NAME>");
        out.println("  Token        " + dataPrefix + "./warroom token --role ops --sub alice");
        out.println("Ctrl-C stops it.");
    }

    private String dataPrefix(DataFolder data) {
        return env.variables().containsKey(LocalSettings.DATA) ? LocalSettings.DATA + "=" + data.dir() + " " : "";
    }

    private void printExternalApis(LocalWarroom.Midtrans midtrans, String dataPrefix) {
        PrintStream out = env.out();
        for (ExternalApis.Realized api : midtrans.apis().apis()) {
            // the custody simulator has a line of its own
            if (api.source() == ExternalApis.Source.STAND_IN && api.api().equals(Topology.CUSTODY_API)) {
                continue;
            }
            String name = String.format("%-12s", Character.toUpperCase(api.api().logicalName().charAt(0)) + api.api().logicalName().substring(1));
            String variable = api.api().baseUrlEnvVar();
            out.println("  " + name + " " + switch (api.source()) {
                case STAND_IN -> api.baseUrl().orElseThrow() + "   the local simulator (" + variable + "); transactions in "
                        + midtrans.simulator().transactionsDir().map(Path::toString).orElse("memory") + "/   " + dataPrefix
                        + "./warroom midtrans pay --order O1";
                case ENVIRONMENT -> api.baseUrl().orElseThrow() + "   from " + variable;
                case DEFAULT -> api.baseUrl().orElseThrow() + "   the default (set " + variable + " for another)";
                case OFF -> "off   (set " + variable + " to turn it on)";
            });
        }
        midtrans.defaultKeyWritten().ifPresent(file -> out.println("  Midtrans key " + LocalMidtransKey.LOCAL_DEFAULT + " written to " + file
                + " (the local-only default; set " + LocalMidtransKey.SECRET.localEnvVar() + " or edit the file for another)"));
    }

    private void printCustody(LocalWarroom.Custody custody, String dataPrefix) {
        PrintStream out = env.out();
        out.println("  Custody      " + custody.simulator().endpoint() + "   the custody simulator (" + Topology.CUSTODY_API.baseUrlEnvVar()
                + "); transactions in " + custody.simulator().transactionsDir().map(Path::toString).orElse("memory") + "/   " + dataPrefix
                + "./warroom custody list");
        if (!custody.keysWritten().isEmpty()) {
            out.println("  Custody keys " + String.join(", ", custody.keysWritten().stream().map(file -> file.getFileName().toString()).toList())
                    + " written to " + custody.keysWritten().getFirst().getParent() + " (local only; set WARROOM_SECRET_CUSTODY_* or edit the files for others)");
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
