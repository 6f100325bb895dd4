package com.warroom.bench;

import com.warroom.aws.Settings;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerContention;
import com.warroom.ledger.Posting;
import com.warroom.ledger.PostingOutcome;
import com.warroom.money.FeePart;
import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.money.FeeSplitter;
import com.warroom.money.Money;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The measured JVM of {@link LedgerPosting}: {@link Ledger#post} on the embedded stack (DynamoDB Local and the local
 * KMS, over loopback HTTP through the same SDK clients a function builds, plus a {@link CallCounter}). Six subjects,
 * each posting to accounts of its own: a two-account transfer and a four-account fee split, each with a warm ledger
 * that sealed the balances itself, with two ledgers taking turns (so each finds the balances sealed by the other and
 * verifies them, as a fresh Lambda instance does), and with {@link NoKmsSealer} (no KMS call). The subjects alternate one
 * posting at a time and the first one rotates; a round during which other processes used more than the allowed CPU is
 * printed as disturbed and run again, within a budget. Then several writers race on the same two accounts.
 */
public final class LedgerPostingChild {

    static final String MARKER = "LEDGER-POSTING";
    static final String TWO_ACCOUNTS = "transfer-2-accounts";
    static final String FEE_SPLIT = "fee-split-4-accounts";
    static final String WARM = "kms-warm";
    static final String TAKING_TURNS = "kms-taking-turns";
    static final String NO_KMS = "no-kms";

    static final TableDef BALANCES_NO_KMS =
            SealingTables.like(Topology.LEDGER_BALANCES, "bench-ledger-balances-nokms");
    static final TableDef ENTRIES_NO_KMS =
            SealingTables.like(Topology.LEDGER_ENTRIES, "bench-ledger-entries-nokms");

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final FeeSplitter BLUE_CHECK = new FeeSplitter(List.of(new FeeSplit(FeeRecipient.TREASURY, 7000),
            new FeeSplit(FeeRecipient.REFERRAL, 2000), new FeeSplit(FeeRecipient.SBT, 1000)));

    private LedgerPostingChild() {
    }

    /** One shape of posting through one kind of ledger, and the samples and calls of the current round. */
    private static final class Subject {
        final String shape;
        final String variant;
        final IntFunction<PostingOutcome> post;
        final List<Long> nanos = new ArrayList<>();
        int posted;
        Map<String, Long> callsBefore;

        Subject(String shape, String variant, IntFunction<PostingOutcome> post) {
            this.shape = shape;
            this.variant = variant;
            this.post = post;
        }

        void time() {
            long begin = System.nanoTime();
            PostingOutcome outcome = post.apply(++posted);
            nanos.add(System.nanoTime() - begin);
            if (!(outcome instanceof PostingOutcome.Posted)) {
                throw new IllegalStateException(shape + "/" + variant + " answered " + outcome);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "3",
                "rounds", "10",
                "ops", "10",
                "writers", "4",
                "contended-postings", "15",
                "contended-rounds", "3",
                "launcher-pid", "0",
                "max-other-cores", "0.25"));
        long launcherPid = Long.parseLong(options.text("launcher-pid"));
        double maxOtherCores = Double.parseDouble(options.text("max-other-cores"));
        CallCounter counter = new CallCounter();
        DynamoDbEnhancedClient dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb(counter)).build();
        KmsClient kms = kms(counter);
        String keyId = Settings.require(Topology.SEALS.idEnvVar());
        Sealer kmsSealer = new KmsSealer(kms, keyId);
        String run = UUID.randomUUID().toString().substring(0, 8);

        Ledger warm = ledger(dynamo, kmsSealer);
        Ledger[] turns = {ledger(dynamo, kmsSealer), ledger(dynamo, kmsSealer)};
        Ledger noKms = new Ledger(dynamo, BALANCES_NO_KMS.localName(), ENTRIES_NO_KMS.localName(), new NoKmsSealer(keyId), Clock.systemUTC());
        List<Subject> subjects = new ArrayList<>();
        for (String shape : List.of(TWO_ACCOUNTS, FEE_SPLIT)) {
            subjects.add(new Subject(shape, WARM, n -> warm.post(entry(shape, run + "-w", n))));
            subjects.add(new Subject(shape, TAKING_TURNS, n -> turns[n % 2].post(entry(shape, run + "-t", n))));
            subjects.add(new Subject(shape, NO_KMS, n -> noKms.post(entry(shape, run + "-n", n))));
        }
        System.out.printf(Locale.ROOT, "%s kind=setup subjects=%s%n", MARKER,
                subjects.stream().map(s -> s.shape + "/" + s.variant).collect(Collectors.joining(",")));

        int warmup = options.number("warmup");
        int rounds = options.number("rounds");
        int ops = options.number("ops");
        int measured = 0;
        int disturbed = 0;
        for (int round = 1; measured < rounds && round <= warmup + 2 * rounds; round++) {
            boolean warming = round <= warmup;
            subjects.forEach(s -> s.nanos.clear());
            Map<Subject, Map<String, Long>> calls = new HashMap<>();
            subjects.forEach(s -> calls.put(s, new TreeMap<>()));
            CpuClock.awaitQuiet(0.15, Duration.ofSeconds(5));
            long machineBefore = CpuClock.machineBusyMillis();
            long ownBefore = CpuClock.processMillis();
            long launcherBefore = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid);
            long begin = System.nanoTime();
            for (int k = 0; k < ops; k++) {
                for (int j = 0; j < subjects.size(); j++) {
                    Subject subject = subjects.get((j + k) % subjects.size());
                    Map<String, Long> before = counter.calls();
                    subject.time();
                    CallCounter.difference(before, counter.calls()).forEach((name, more) -> calls.get(subject).merge(name, more, Long::sum));
                }
            }
            long wallMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
            long launcherCpu = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid) - launcherBefore;
            double otherCores = (CpuClock.machineBusyMillis() - machineBefore - (CpuClock.processMillis() - ownBefore) - launcherCpu)
                    / (double) wallMillis;
            String phase = warming ? "warmup" : otherCores <= maxOtherCores ? "measure" : "disturbed";
            if (phase.equals("measure")) {
                measured++;
            } else if (phase.equals("disturbed")) {
                disturbed++;
            }
            for (Subject subject : subjects) {
                System.out.printf(Locale.ROOT, "%s kind=samples phase=%s round=%d shape=%s variant=%s calls=%s nanos=%s%n",
                        MARKER, phase, round, subject.shape, subject.variant, encode(calls.get(subject)),
                        subject.nanos.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            System.out.printf(Locale.ROOT, "%s kind=round phase=%s round=%d wallMillis=%d otherCores=%.2f%n",
                    MARKER, phase, round, wallMillis, otherCores);
        }
        System.out.printf(Locale.ROOT, "%s kind=end measuredRounds=%d disturbedRounds=%d%n", MARKER, measured, disturbed);

        int writers = options.number("writers");
        int each = options.number("contended-postings");
        for (int round = 1; round <= options.number("contended-rounds"); round++) {
            contended(dynamo, kmsSealer, counter, writers, each, run + "-c" + round);
        }
        System.out.flush();
        System.exit(0);
    }

    /**
     * {@code writers} threads, each with a ledger of its own (as concurrent Lambda instances have), posting {@code each}
     * transfers between the same two accounts at once.
     */
    private static void contended(DynamoDbEnhancedClient dynamo, Sealer sealer, CallCounter counter, int writers, int each,
                                  String run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong contentions = new AtomicLong();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Ledger own = ledger(dynamo, sealer);
                String writer = run + "-" + w;
                running.add(pool.submit(() -> {
                    go.await();
                    for (int n = 1; n <= each; n++) {
                        JournalEntry entry = entry(TWO_ACCOUNTS, run, 0, writer + "-" + n);
                        // a queue consumer's message comes back after LedgerContention: post again
                        while (true) {
                            try {
                                own.post(entry);
                                break;
                            } catch (LedgerContention e) {
                                contentions.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            CpuClock.awaitQuiet(0.15, Duration.ofSeconds(5));
            Map<String, Long> before = counter.calls();
            long begin = System.nanoTime();
            go.countDown();
            for (Future<?> writer : running) {
                writer.get(10, TimeUnit.MINUTES);
            }
            long wallMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
            System.out.printf(Locale.ROOT, "%s kind=contended writers=%d postings=%d wallMillis=%d contentions=%d calls=%s%n",
                    MARKER, writers, writers * each, wallMillis, contentions.get(), encode(CallCounter.difference(before, counter.calls())));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posting {@code n} of a subject: 150,000.00 IDR (plus n minor units) from clearing to revenue, or split as a fee. */
    private static JournalEntry entry(String shape, String accounts, int n) {
        return entry(shape, accounts, n, shape + "-" + accounts + "-" + n);
    }

    private static JournalEntry entry(String shape, String accounts, int n, String id) {
        long amount = 15_000_000L + n;
        AccountId clearing = new AccountId("psp_clearing:midtrans-" + accounts + "-" + shape);
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(clearing, new Money("IDR", -amount)));
        if (shape.equals(TWO_ACCOUNTS)) {
            postings.add(new Posting(new AccountId("revenue:courses-" + accounts), new Money("IDR", amount)));
        } else {
            for (FeePart part : BLUE_CHECK.split(amount)) {
                postings.add(new Posting(new AccountId("fees:blue_check:" + part.to().wireName() + "-" + accounts),
                        new Money("IDR", part.minor())));
            }
        }
        return new JournalEntry("bench:" + id, AT, "bench:" + id, postings);
    }

    private static Ledger ledger(DynamoDbEnhancedClient dynamo, Sealer sealer) {
        return new Ledger(dynamo, Settings.require(Topology.LEDGER_BALANCES.envVar()), Settings.require(Topology.LEDGER_ENTRIES.envVar()),
                sealer, Clock.systemUTC());
    }

    // built as AwsClients builds them (region, URL-connection HTTP, endpoint, environment credentials), plus the counter
    private static DynamoDbClient dynamoDb(CallCounter counter) {
        var builder = DynamoDbClient.builder().region(region()).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter));
        Settings.find("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static KmsClient kms(CallCounter counter) {
        var builder = KmsClient.builder().region(region()).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter));
        Settings.find("AWS_ENDPOINT_URL_KMS").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region region() {
        return Region.of(Settings.find("AWS_REGION").orElse("us-east-1"));
    }

    /** {@code DynamoDb.BatchGetItem:20;Kms.GenerateMac:10}: the calls of one subject in one round. */
    private static String encode(Map<String, Long> calls) {
        return calls.isEmpty() ? "-" : calls.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }
}
