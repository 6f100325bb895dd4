package com.warroom.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.callback.CustodyCallbackHandler;
import com.warroom.payouts.rail.CallbackSignature;
import com.warroom.payouts.rail.CustodyCredentials;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.payouts.rail.RequestJwt;
import com.warroom.payouts.rail.RsaPem;
import com.warroom.payouts.worker.PayoutWorkerHandler;
import com.warroom.secrets.SecretReader;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The measured JVM of {@link PayoutWorkerThroughput}, on the payout Lambda jar. Per round and variant it accepts N
 * payouts as the payouts route does and queues their messages (outside the clock); then 1 or more threads, each one
 * "Lambda instance" with its own {@link PayoutWorkerHandler} over a real worker (its tables, seals through the embedded
 * KMS, {@link CustodyRail} against the launcher's custody simulator), work the payouts queue as Lambda's event source
 * does (batches of up to 10, the answer settled: handled messages deleted, failed ones left to come back after the
 * visibility timeout) until every payout is CONFIRMED. The simulator's signed callbacks reach the real
 * {@link CustodyCallbackHandler} on a loopback listener here, which queues each payout for the worker again, as in AWS.
 */
public final class PayoutWorkerThroughputChild {

    static final String MARKER = "PAYOUT-WORKER";
    static final String CLEAN = "clean";
    static final String LOST_ANSWERS = "lost-answers";
    static final String WORKER = "worker";
    static final String EVENT_SOURCE = "event-source";
    /** A transfer the simulator walks to COMPLETED calls back 7 times: created, then each of its 6 status changes. */
    static final int CALLBACKS_PER_TRANSFER = 7;
    static final String AMOUNT = "12.5";
    private static final String SETUP = "setup";
    private static final String CONFIRMED = "PayoutConfirmed";

    private PayoutWorkerThroughputChild() {
    }

    /** The payout id of payout {@code index} of a round; the launcher arms the simulator's faults by it before the child starts. */
    static String payoutId(String run, String variant, int threads, int round, int index) {
        return "bp-" + run + "-" + variant.charAt(0) + threads + "-" + round + "-" + index;
    }

    /** Whether payout {@code index} of a lost-answers round has its create's answer lost: {@code percent} of them, spread evenly. */
    static boolean loseAnswer(int index, int percent) {
        return (index + 1) * percent / 100 > index * percent / 100;
    }

    /** One thread of the bench standing for one Lambda instance: its own handler, rail and event-source client. */
    private record Instance(PayoutWorkerHandler handler, CountingRail rail, SqsClient eventSource) {
    }

    /** What the threads of one run count together. */
    private static final class Tally {
        final LongAdder messages = new LongAdder();
        final LongAdder batches = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder handlerNanos = new LongAdder();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "1", "rounds", "5", "payouts", "50", "budget-s", "240", "threads", "1,4", "variants", CLEAN + "," + LOST_ANSWERS,
                "lost-percent", "25", "rail-timeout-ms", "250", "first-retry-ms", "1000", "callback-port", "0", "run", "r",
                "seed-config", "config/seed-v1.json", "users", "20", "launcher-pid", "0", "max-other-cores", "0.25"));
        long launcherPid = Long.parseLong(options.text("launcher-pid"));
        double maxOtherCores = Double.parseDouble(options.text("max-other-cores"));
        int payouts = options.number("payouts");
        List<String> variants = List.of(options.text("variants").split(","));
        String run = options.text("run");
        Duration railTimeout = Duration.ofMillis(options.number("rail-timeout-ms"));

        TaggedSdkCalls.tag(SETUP);
        CountedMetrics metrics = CountedMetrics.install();
        Clock clock = Clock.systemUTC();
        String queueUrl = Settings.require(Topology.PAYOUT_WORK.urlEnvVar());
        SqsClient setupSqs = AwsClients.sqs();
        PayoutBenchWorld world = new PayoutBenchWorld(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), clock);
        world.prepare(Path.of(options.text("seed-config")), KmsSealer.forKey(Topology.SEALS), "100000000", options.number("users"), run);
        String queueArn = setupSqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        // the callback route, as deployed: the rail only checks signatures there; its message goes through its own client
        CustodyCallbackReceiver callbacks = CustodyCallbackReceiver.start(options.number("callback-port"),
                new CustodyCallbackHandler(rail(railTimeout), new PayoutWork(AwsClients.sqs(), queueUrl)));
        // the function's own policy, but a first retry of about a second instead of 30 s, so that a round with lost
        // answers does not wait half a minute for its retries
        PayoutPolicy settings = PayoutPolicy.fromSettings();
        PayoutPolicy policy = new PayoutPolicy(settings.maxAttempts(), settings.walletCoolingOff(),
                Duration.ofMillis(options.number("first-retry-ms")), settings.longestRetry());
        int maxThreads = 0;
        for (String threads : options.text("threads").split(",")) {
            maxThreads = Math.max(maxThreads, Integer.parseInt(threads.strip()));
        }
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < maxThreads; i++) {
            // as the no-arg constructor builds it: clients from AwsClients, seals through KMS, the custody rail
            CountingRail rail = new CountingRail(rail(railTimeout));
            instances.add(new Instance(new PayoutWorkerHandler(PayoutWorkerHandler.fromSettings(AwsClients.dynamoDbEnhanced(),
                    KmsSealer.forKey(Topology.SEALS), clock, rail, policy)), rail, AwsClients.sqs()));
        }
        System.out.printf(Locale.ROOT, "%s kind=setup users=%s railTimeoutMs=%d firstRetryMs=%s maxAttempts=%d%n", MARKER,
                options.text("users"), railTimeout.toMillis(), options.text("first-retry-ms"), policy.maxAttempts());

        long start = System.nanoTime();
        String[] threadCounts = options.text("threads").split(",");
        for (int k = 0; k < threadCounts.length; k++) {
            int threads = Integer.parseInt(threadCounts[k].strip());
            int measured = 0;
            int warmup = options.number("warmup");
            int rounds = options.number("rounds");
            // a disturbed round is run again (up to as many again) only while this thread count's share of the budget lasts
            long budgetEnd = start + Duration.ofSeconds(options.number("budget-s")).toNanos() * (k + 1) / threadCounts.length;
            for (int round = 1; measured < rounds && round <= warmup + 2 * rounds
                    && (round <= warmup + rounds || System.nanoTime() < budgetEnd); round++) {
                boolean warming = round <= warmup;
                CpuClock.awaitQuiet(0.15, Duration.ofSeconds(2));
                long machineBefore = CpuClock.machineBusyMillis();
                long ownBefore = CpuClock.processMillis();
                long launcherBefore = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid);
                long begin = System.nanoTime();
                List<String> lines = new ArrayList<>();
                for (int v = 0; v < variants.size(); v++) {
                    // the variant that goes first rotates, so a slow spell of the machine falls on all of them alike
                    String variant = variants.get((v + round) % variants.size());
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < payouts; i++) {
                        ids.add(payoutId(run, variant, threads, round, i));
                    }
                    lines.add(runOnce(variant, ids, instances.subList(0, threads), world, setupSqs, queueUrl, queueArn, callbacks, metrics));
                }
                long wallMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
                long launcherCpu = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid) - launcherBefore;
                double otherCores = (CpuClock.machineBusyMillis() - machineBefore - (CpuClock.processMillis() - ownBefore) - launcherCpu)
                        / (double) wallMillis;
                String phase = warming ? "warmup" : otherCores <= maxOtherCores ? "measure" : "disturbed";
                if (phase.equals("measure")) {
                    measured++;
                }
                for (String line : lines) {
                    System.out.printf(Locale.ROOT, "%s kind=run phase=%s threads=%d round=%d %s%n", MARKER, phase, threads, round, line);
                }
                System.out.printf(Locale.ROOT, "%s kind=round phase=%s threads=%d round=%d otherCores=%.2f launcherCores=%.2f%n",
                        MARKER, phase, threads, round, otherCores, launcherCpu / (double) wallMillis);
                System.out.flush();
            }
        }
        callbacks.close();
        rsaCost();
        System.out.printf(Locale.ROOT, "%s kind=end%n", MARKER);
        System.out.flush();
        System.exit(0);
    }

    /**
     * Accepts and queues the payouts, then lets the instances work the queue until every payout is confirmed and every
     * callback about them has been handled; answers the result line.
     */
    private static String runOnce(String variant, List<String> ids, List<Instance> instances, PayoutBenchWorld world, SqsClient setupSqs,
                                  String queueUrl, String queueArn, CustodyCallbackReceiver callbacks, CountedMetrics metrics)
            throws Exception {
        TaggedSdkCalls.tag(SETUP);
        setupSqs.purgeQueue(b -> b.queueUrl(queueUrl));
        for (int i = 0; i < ids.size(); i++) {
            world.accept(ids.get(i), i, AMOUNT);
        }
        for (int from = 0; from < ids.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(ids.size(), from + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(PayoutWork.body(ids.get(i))).build());
            }
            setupSqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
        TaggedSdkCalls.reset();
        metrics.reset();
        callbacks.reset();
        instances.forEach(instance -> instance.rail().reset());

        Tally tally = new Tally();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (Instance instance : instances) {
            threads.add(Thread.ofPlatform().name("instance-" + threads.size()).start(() -> work(instance, queueUrl, queueArn, go, tally)));
        }
        long begin = System.nanoTime();
        go.countDown();
        int payouts = ids.size();
        long deadline = begin + Duration.ofMinutes(3).toNanos();
        while (metrics.count(CONFIRMED) < payouts && tally.errors.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(variant + ": only " + metrics.count(CONFIRMED) + " of " + payouts
                        + " payouts confirmed in 3 minutes; metrics " + metrics.counts());
            }
            Thread.sleep(1);
        }
        long confirmedNanos = metrics.lastNanos(CONFIRMED) - begin;
        // then the rest of what these payouts cause: every callback handled and every message it queued worked off
        long expectedCallbacks = (long) CALLBACKS_PER_TRANSFER * payouts;
        while (tally.errors.isEmpty() && System.nanoTime() < deadline) {
            if (callbacks.received() >= expectedCallbacks && tally.inFlight.get() == 0 && waiting(setupSqs, queueUrl) == 0
                    && tally.inFlight.get() == 0) {
                break;
            }
            Thread.sleep(5);
        }
        long settledNanos = Math.max(callbacks.lastHandledNanos(), System.nanoTime()) - begin;
        tally.stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!tally.errors.isEmpty()) {
            throw new IllegalStateException("an instance failed", tally.errors.getFirst());
        }
        TaggedSdkCalls.tag(SETUP);
        Map<String, Long> states = world.statuses(ids);
        Map<String, Long> custody = new TreeMap<>();
        instances.forEach(instance -> instance.rail().counts().forEach((name, count) -> custody.merge(name, count, Long::sum)));
        Map<String, Long> workerNanos = new TreeMap<>(TaggedSdkCalls.nanos(WORKER));
        workerNanos.put("Custody", instances.stream().mapToLong(instance -> instance.rail().nanos()).sum());
        return String.format(Locale.ROOT, "variant=%s instances=%d payouts=%d confirmedNanos=%d settledNanos=%d handlerNanos=%d "
                        + "callbackNanos=%d messages=%d batches=%d failedMessages=%d callbacks=%d callbacksRefused=%d worker=%s callbackRoute=%s "
                        + "eventSource=%s custody=%s metrics=%s workerNanos=%s states=%s",
                variant, instances.size(), payouts, confirmedNanos, settledNanos, tally.handlerNanos.sum(), callbacks.handledNanos(),
                tally.messages.sum(), tally.batches.sum(), tally.failed.sum(), callbacks.received(), callbacks.refused(),
                encode(TaggedSdkCalls.calls(WORKER)), encode(TaggedSdkCalls.calls(CustodyCallbackReceiver.TAG)),
                encode(TaggedSdkCalls.calls(EVENT_SOURCE)), encode(custody), encode(metrics.counts()), encode(workerNanos), encode(states));
    }

    /** Messages visible or delayed on the queue (in-flight ones are the instances' own business). */
    private static int waiting(SqsClient sqs, String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"));
    }

    /**
     * One instance's poller, as Lambda's event source mapping: long-polls up to 10 messages (invisible for the queue's
     * visibility timeout), hands them to the handler as one SQS event, deletes the handled ones in one batch and leaves
     * the failed ones to come back after the visibility timeout (past the end of the run: it does not wait for them).
     */
    private static void work(Instance instance, String queueUrl, String queueArn, CountDownLatch go, Tally tally) {
        try {
            go.await();
            var context = LocalLambdaContext.of(Topology.PAYOUT_WORKER.name(), 1024, Topology.PAYOUT_WORKER.timeoutSeconds());
            while (!tally.stop.get()) {
                TaggedSdkCalls.tag(EVENT_SOURCE);
                List<Message> messages = instance.eventSource().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).visibilityTimeout(Topology.PAYOUT_WORK.visibilityTimeoutSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty()) {
                    continue;
                }
                tally.inFlight.addAndGet(messages.size());
                SQSEvent event = event(messages, queueArn);
                TaggedSdkCalls.tag(WORKER);
                long begin = System.nanoTime();
                SQSBatchResponse answer = instance.handler().handleRequest(event, context);
                tally.handlerNanos.add(System.nanoTime() - begin);
                TaggedSdkCalls.tag(EVENT_SOURCE);
                Set<String> failed = new HashSet<>();
                answer.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
                List<DeleteMessageBatchRequestEntry> handled = new ArrayList<>();
                for (Message m : messages) {
                    if (!failed.contains(m.messageId())) {
                        handled.add(DeleteMessageBatchRequestEntry.builder().id("d" + handled.size()).receiptHandle(m.receiptHandle()).build());
                    }
                }
                if (!handled.isEmpty()) {
                    instance.eventSource().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(handled));
                }
                tally.messages.add(messages.size());
                tally.batches.increment();
                tally.failed.add(failed.size());
                tally.inFlight.addAndGet(-messages.size());
            }
        } catch (Throwable e) {
            tally.errors.add(e);
        }
    }

    private static SQSEvent event(List<Message> messages, String queueArn) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setAttributes(m.attributesAsStrings());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(Settings.require("AWS_REGION"));
            return record;
        }).toList());
        return event;
    }

    /**
     * What one RS256 request JWT (every custody call signs one) and one RSA-SHA512 callback signature check (every
     * callback) cost in this JVM, warm: medians of 20 after 20, with the custody signing key the functions read.
     */
    private static void rsaCost() {
        RSAPrivateKey key = RsaPem.privateKey(Settings.require(Topology.CUSTODY_SIGNING_KEY.localEnvVar()));
        RSAPublicKey publicKey = RsaPem.publicKeyOf(key);
        byte[] body = "{\"type\":\"TRANSACTION_STATUS_UPDATED\",\"data\":{\"id\":\"bench\",\"status\":\"COMPLETED\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = CallbackSignature.sign(key, body);
        List<Double> sign = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long begin = System.nanoTime();
            RequestJwt.sign(key, "bench", "/v1/transactions", body, java.time.Instant.now());
            long signed = System.nanoTime();
            if (!CallbackSignature.verifies(publicKey, body, signature)) {
                throw new IllegalStateException("the callback signature does not verify");
            }
            long verified = System.nanoTime();
            if (i >= 20) {
                sign.add((signed - begin) / 1e6);
                verify.add((verified - signed) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%s kind=rsa jwtSignMs=%.2f callbackVerifyMs=%.2f%n", MARKER,
                Summary.of(sign).median(), Summary.of(verify).median());
    }

    /** The rail as the functions build it, from the custody secrets and the base URL in the settings; a bench-sized timeout. */
    private static CustodyRail rail(Duration timeout) {
        return new CustodyRail(CustodyRail.httpClient(), URI.create(Settings.require(Topology.CUSTODY_API.baseUrlEnvVar())),
                CustodyCredentials.fromSecrets(SecretReader.fromEnvironment(), Clock.systemUTC()), timeout);
    }

    /** {@code {A=1,B=2}} without spaces, so that it stays one {@code key=value} token of the result line. */
    static String encode(Map<String, Long> counts) {
        return counts.toString().replace(" ", "");
    }
}
