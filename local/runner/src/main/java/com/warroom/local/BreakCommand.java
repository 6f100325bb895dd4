package com.warroom.local;

import com.warroom.local.breaks.Breakage;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code warroom break}: writes into the running {@code up}'s tables what a bug or an insider would, so that a person
 * sees the reconcile run find it. It talks to the up's DynamoDB Local and local KMS on their ports
 * ({@code WARROOM_DYNAMODB_PORT}, {@code WARROOM_KMS_PORT}), as a person with the AWS CLI and the function's role would.
 */
@Command(name = "break", synopsisSubcommandLabel = "double-payout|misposted-fee|lost-access",
        description = {
            "Breaks the running ./warroom up's data on purpose, as a bug or an insider would,",
            "so that the next reconcile run (and the support lookup) shows it."})
final class BreakCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** {@code warroom break double-payout}. */
    @Command(name = "double-payout",
            description = {
                "Writes a second payout for the same user, kind and reference as a CONFIRMED",
                "payout (the newest one, or --payout), sealed and CONFIRMED, with its hold and",
                "paid ledger entries. Exit 1 if there is none to double or no up runs."})
    static final class DoublePayoutCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--payout", paramLabel = "PAYOUT_ID", description = "The payout to double (default: the newest CONFIRMED).")
        String payout;

        private final RunnerEnvironment env;

        DoublePayoutCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws StartupRefused {
            return report(env, breakage -> breakage.doublePayout(Optional.ofNullable(payout)));
        }
    }

    /** {@code warroom break misposted-fee}. */
    @Command(name = "misposted-fee",
            description = {
                "Writes a FeeCharged platform event and posts its ledger entry to another",
                "rule's fee account instead of the rule's split."})
    static final class MisPostedFeeCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--rule", paramLabel = "RULE", defaultValue = "blue_check", description = "The fee rule (default: ${DEFAULT-VALUE}).")
        String rule;

        @Option(names = "--amount", paramLabel = "AMOUNT", defaultValue = "500",
                description = "The fee, above the asset's HIGH threshold by default (default: ${DEFAULT-VALUE}).")
        String amount;

        @Option(names = "--asset", paramLabel = "ASSET", defaultValue = "USDC", description = "The fee's asset (default: ${DEFAULT-VALUE}).")
        String asset;

        private final RunnerEnvironment env;

        MisPostedFeeCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws StartupRefused {
            return report(env, breakage -> breakage.misPostedFee(rule, amount, asset));
        }
    }

    /** {@code warroom break lost-access}. */
    @Command(name = "lost-access",
            description = {
                "Deletes the entitlement a PAID order granted (the order stays PAID): the user",
                "paid and has no access. Exit 1 if the order is not PAID or no up runs."})
    static final class LostAccessCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--order", paramLabel = "ORDER_ID", required = true, description = "The PAID order.")
        String order;

        private final RunnerEnvironment env;

        LostAccessCommand(RunnerEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws StartupRefused {
            return report(env, breakage -> breakage.lostAccess(order));
        }
    }

    private static int report(RunnerEnvironment env, java.util.function.Function<Breakage, Breakage.Outcome> act) throws StartupRefused {
        LocalSettings settings = LocalSettings.from(env);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("warroomlocal", "warroomlocal"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(loopback(settings.dynamoDb().port()))
                .region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             KmsClient kms = KmsClient.builder().endpointOverride(loopback(settings.kms().port()))
                     .region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            Breakage.Outcome outcome;
            try {
                dynamo.describeTable(b -> b.tableName(Topology.PAYOUTS.localName()));
                outcome = act.apply(new Breakage(dynamo, new KmsSealer(kms, Topology.SEALS.alias()), Clock.systemUTC()));
            } catch (SdkClientException unreachable) {
                env.err().println("warroom: no ./warroom up answers on 127.0.0.1:" + settings.dynamoDb().port()
                        + " (DynamoDB) and :" + settings.kms().port() + " (KMS): start one, with the same WARROOM_* ports");
                return 1;
            }
            return switch (outcome) {
                case Breakage.Outcome.Written written -> {
                    written.lines().forEach(env.out()::println);
                    yield 0;
                }
                case Breakage.Outcome.Refused refused -> {
                    env.err().println("warroom: nothing written: " + refused.why());
                    yield 1;
                }
            };
        }
    }

    private static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
