package com.warroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.local.control.ControlClient;
import com.warroom.local.custody.CustodyFault;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code warroom custody}: the custody simulator of the running {@code up}. */
@Command(name = "custody", synopsisSubcommandLabel = "complete|fail|inject|list",
        description = {
            "Drives the custody simulator of the running ./warroom up: the custody API",
            "(Fireblocks-shaped) that payouts are paid through locally. It completes each",
            "transaction by itself within about 2 s; these commands move one by hand,",
            "or arm a fault for a payout's next create."})
final class CustodyCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** {@code warroom custody complete}. */
    @Command(name = "complete",
            description = {
                "Completes the payout's latest custody transaction now (COMPLETED, with a",
                "transaction hash), whatever step it is at, and POSTs its signed callback to",
                "the local gateway's /v1/webhooks/custody; prints the transaction and the",
                "webhook's answer. Exit 1 if there is no such transaction, it is final",
                "already, or no up runs."})
    static final class CompleteCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--payout", required = true, paramLabel = "PAYOUT_ID", description = "The payout id (its Idempotency-Key).")
        String payout;

        private final RunnerEnvironment env;

        CompleteCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            return new Printer(env).moved("/custody/complete", Map.of("payout", payout));
        }
    }

    /** {@code warroom custody fail}. */
    @Command(name = "fail",
            description = {
                "Ends the payout's latest custody transaction now in a final failure and",
                "POSTs its signed callback, as complete does."})
    static final class FailCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--payout", required = true, paramLabel = "PAYOUT_ID", description = "The payout id (its Idempotency-Key).")
        String payout;

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "FAILED",
                description = "FAILED|REJECTED|CANCELLED|BLOCKED (default: ${DEFAULT-VALUE}).")
        String status;

        private final RunnerEnvironment env;

        FailCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            return new Printer(env).moved("/custody/fail", Map.of("payout", payout, "status", status));
        }
    }

    /** {@code warroom custody inject}. */
    @Command(name = "inject",
            description = {
                "Arms a fault for the payout's next creates (its transactions <payout> and",
                "<payout>~r<n>), before or after it is requested:",
                "  timeout-after-accept  take it, then hold the answer back past the rail's",
                "                        timeout (the lost answer)",
                "  retryable             answer 503, take nothing",
                "  reject                refuse for good (400), take nothing",
                "  hold                  take it, then stay in PENDING_AUTHORIZATION until",
                "                        ./warroom custody complete|fail"})
    static final class InjectCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--payout", required = true, paramLabel = "PAYOUT_ID", description = "The payout id (its Idempotency-Key).")
        String payout;

        @Option(names = "--fault", required = true, paramLabel = "FAULT", description = "timeout-after-accept|retryable|reject|hold.")
        String fault;

        @Option(names = "--times", paramLabel = "N", defaultValue = "1",
                description = "How many of the payout's next creates it applies to (default: ${DEFAULT-VALUE}).")
        int times;

        private final RunnerEnvironment env;

        InjectCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Printer printer = new Printer(env);
            if (CustodyFault.fromWire(fault).isEmpty()) {
                return printer.refuse("--fault must be one of " + CustodyFault.catalogue() + ", not '" + fault + "'");
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("payout", payout);
            request.put("fault", fault);
            request.put("times", times);
            return printer.answered("/custody/inject", Optional.of(request), body -> {
                int n = body.path("times").asInt();
                env.out().println("Fault " + body.path("fault").asText() + " armed for payout " + body.path("payout").asText()
                        + ": its next " + (n == 1 ? "create" : n + " creates") + " at the custody simulator.");
            });
        }
    }

    /** {@code warroom custody list}. */
    @Command(name = "list", description = "Lists the custody simulator's transactions, and the faults still armed.")
    static final class ListCommand implements Callable<Integer> {

        private static final String ROW = "%-24s %-22s %-14s %-16s %-42s  %s%s";

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        private final RunnerEnvironment env;

        ListCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            return new Printer(env).answered("/custody/transactions", Optional.empty(), body -> {
                JsonNode transactions = body.path("transactions");
                if (transactions.isEmpty()) {
                    env.out().println("No custody transactions yet.");
                } else {
                    env.out().println(String.format(ROW, "EXTERNAL ID", "STATUS", "AMOUNT", "ASSET", "DESTINATION", "ID", ""));
                }
                for (JsonNode t : transactions) {
                    env.out().println(String.format(ROW, t.path("externalTxId").asText(), t.path("status").asText(), t.path("amount").asText(),
                            t.path("assetId").asText(), t.path("destinationAddress").asText(), t.path("id").asText(),
                            t.path("held").asBoolean() ? "  (held)" : ""));
                }
                body.path("armed").fields().forEachRemaining(armed -> env.out().println("Armed: " + armed.getValue().path("fault").asText()
                        + " for payout " + armed.getKey() + " (" + armed.getValue().path("times").asInt() + " more)"));
            });
        }
    }

    /** Asks the running up and prints its answer; one line on stderr and exit 1 when it refuses or does not run. */
    private record Printer(RunnerEnvironment env) {

        int moved(String path, Map<String, ?> request) {
            return answered(path, Optional.of(request), body -> {
                JsonNode transaction = body.path("transaction");
                env.out().println("Custody transaction " + transaction.path("id").asText() + " (" + transaction.path("externalTxId").asText()
                        + ") is " + transaction.path("status").asText() + ":");
                env.out().println(transaction.toPrettyString());
                JsonNode callback = body.path("callback");
                if (callback.has("status")) {
                    env.out().println("Its callback to " + callback.path("url").asText() + " was answered HTTP " + callback.path("status").asInt() + ":");
                    env.out().println(callback.path("body").asText());
                } else {
                    env.out().println("Its callback was not delivered: " + callback.path("error").asText());
                }
            });
        }

        int answered(String path, Optional<Map<String, ?>> request, Consumer<JsonNode> print) {
            Path data = LocalSettings.dataDir(env);
            return switch (new ControlClient(data).custody(request.isPresent() ? "POST" : "GET", path, request)) {
                case ControlClient.CustodyReply.Answered answered when answered.status() == 200 -> {
                    print.accept(answered.body());
                    yield 0;
                }
                case ControlClient.CustodyReply.Answered answered ->
                        refuse(answered.body().path("error").asText("the custody simulator answered HTTP " + answered.status()));
                case ControlClient.CustodyReply.NotRunning notRunning ->
                        refuse("no ./warroom up is running on " + data + "; start ./warroom up (with the same WARROOM_DATA), then run this again");
            };
        }

        int refuse(String line) {
            env.err().println("warroom: " + line);
            return 1;
        }
    }
}
