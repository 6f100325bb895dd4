package com.warroom.local;

import com.warroom.json.Json;
import com.warroom.local.control.ControlClient;
import com.warroom.local.midtrans.PaymentStatus;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code warroom midtrans}: the Midtrans simulator of the running {@code up}. */
@Command(name = "midtrans", synopsisSubcommandLabel = "pay",
        description = {
            "Acts as Midtrans towards the running ./warroom up: its simulator answers",
            "get-status (GET /v2/{order_id}/status) for the transactions recorded here."})
final class MidtransCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** {@code warroom midtrans pay}. */
    @Command(name = "pay",
            description = {
                "Records the order's transaction in the Midtrans simulator with that status,",
                "then POSTs the HTTP notification Midtrans sends for it, signed with the",
                "local midtrans-server-key, to the local gateway's /v1/webhooks/midtrans;",
                "prints the notification and the webhook's answer. Exit 1 if the webhook",
                "did not answer 2xx, if nothing was sent, or if no up runs."})
    static final class PayCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--order", required = true, paramLabel = "ORDER_ID", description = "The order id, e.g. O1.")
        String order;

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "settlement",
                description = "settlement|capture|pending|expire|cancel|deny|refund (default: ${DEFAULT-VALUE}).")
        String status;

        @Option(names = "--amount", paramLabel = "AMOUNT",
                description = "gross_amount, e.g. 150000.00 (default: the registered order's amount).")
        String amount;

        @Option(names = "--fraud", paramLabel = "FRAUD", defaultValue = "accept",
                description = "fraud_status: accept|challenge|deny (default: ${DEFAULT-VALUE}).")
        String fraud;

        private final RunnerEnvironment env;

        PayCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (PaymentStatus.fromWire(status).isEmpty()) {
                return refuse("--status must be one of " + PaymentStatus.catalogue() + ", not '" + status + "'");
            }
            if (PaymentStatus.FraudStatus.fromWire(fraud).isEmpty()) {
                return refuse("--fraud must be one of accept|challenge|deny, not '" + fraud + "'");
            }
            Path data = LocalSettings.dataDir(env);
            return switch (new ControlClient(data).pay(order, status, fraud, Optional.ofNullable(amount))) {
                case ControlClient.PayReply.Delivered delivered -> {
                    env.out().println("Midtrans notification for " + order + " (" + status + "), POST " + delivered.webhook() + ":");
                    env.out().println(pretty(delivered.notification()));
                    env.out().println("The webhook answered HTTP " + delivered.status() + ":");
                    env.out().println(delivered.body());
                    yield delivered.status() >= 200 && delivered.status() < 300 ? 0 : 1;
                }
                case ControlClient.PayReply.Refused refused -> refuse(refused.why());
                case ControlClient.PayReply.NotRunning notRunning ->
                        refuse("no ./warroom up is running on " + data + "; start ./warroom up (with the same WARROOM_DATA), then run this again");
            };
        }

        private static String pretty(String json) {
            return Json.readTree(json).toPrettyString();
        }

        private int refuse(String line) {
            env.err().println("warroom: " + line);
            return 1;
        }
    }
}
