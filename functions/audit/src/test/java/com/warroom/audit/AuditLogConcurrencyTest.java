package com.warroom.audit;

import com.warroom.seal.KmsSealer;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.http.Caller;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Real threads appending to the one chain at once through {@link AuditLog}: the conditional put on the
 * next sequence number must let exactly one writer win each position and send the others round again.
 * Test classes of this JVM run one at a time, so the positions after the head read at the start are
 * all this test's.
 */
@ExtendWith(EmbeddedStackExtension.class)
class AuditLogConcurrencyTest {

    private static final int THREADS = 8;
    private static final int COMMITS_PER_THREAD = 10;
    private static final String DYNAMODB_LOCAL_LOGGERS = "com.amazonaws.services.dynamodbv2";

    @Test
    void commit_whenEightWritersRace_everyEntryLandsOnceInAContiguousLinkedChain(EmbeddedStack stack) throws Exception {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        AuditLog log = new AuditLog(enhanced, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), Clock.systemUTC());
        AuditTrail trail = AuditTrail.fromSettings(enhanced);
        Optional<AuditEntry> headBefore = log.head();
        long firstSeq = headBefore.map(h -> h.seq() + 1).orElse(1L);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // DynamoDB Local logs every lost race (a cancelled transaction) as a warning with its stack
        Level dynamoLocalLevel = LogManager.getLogger(DYNAMODB_LOCAL_LOGGERS).getLevel();
        Configurator.setLevel(DYNAMODB_LOCAL_LOGGERS, Level.ERROR);
        AtomicInteger preparations = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<AuditEntry>>> writers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                String actor = "racer-" + run + "-" + t;
                writers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < COMMITS_PER_THREAD; i++) {
                        AtomicInteger attempts = new AtomicInteger();
                        mine.add(log.commit(entryOnly(actor, "flag:feed.posting@user:" + actor, i, attempts)));
                        preparations.addAndGet(attempts.get());
                    }
                    return mine;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<AuditEntry> committed = new ArrayList<>();
            for (Future<List<AuditEntry>> writer : writers) {
                List<AuditEntry> mine = writer.get(120, TimeUnit.SECONDS);
                assertThat(mine).extracting(AuditEntry::seq).as("one writer's entries keep its order").isSorted();
                committed.addAll(mine);
            }

            int total = THREADS * COMMITS_PER_THREAD;
            assertThat(committed).hasSize(total);
            assertThat(preparations.get()).as("the writers really raced: some lost and prepared again").isGreaterThan(total);
            assertThat(committed).extracting(AuditEntry::seq).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, total).mapToObj(i -> firstSeq + i).toList());

            List<AuditEntry> stored = trail.newest(new AuditQuery(Optional.empty(), Optional.empty(), total,
                    Optional.empty())).reversed();
            assertThat(stored).extracting(AuditEntry::seq)
                    .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> firstSeq + i).toList());
            assertThat(stored).extracting(AuditEntry::id)
                    .containsExactlyInAnyOrderElementsOf(committed.stream().map(AuditEntry::id).toList());
            String prevHash = headBefore.map(AuditEntry::hash).orElse(AuditHasher.GENESIS);
            for (AuditEntry entry : stored) {
                assertThat(entry.prevHash()).as("link of entry %d", entry.seq()).isEqualTo(prevHash);
                assertThat(entry.hash()).isEqualTo(AuditHasher.hash(entry));
                prevHash = entry.hash();
            }
            Set<String> payloads = new HashSet<>();
            stored.forEach(e -> payloads.add(e.actorSub() + "#" + e.after()));
            assertThat(payloads).as("no commit was written twice or lost").hasSize(total);

            ChainVerification verified = trail.verify();
            assertThat(verified.ok()).as(verified.toString()).isTrue();
            assertThat(verified.headSeq()).isEqualTo(firstSeq + total - 1);
            assertThat(verified.headHash()).isEqualTo(prevHash);
        } finally {
            go.countDown();
            pool.shutdownNow();
            Configurator.setLevel(DYNAMODB_LOCAL_LOGGERS, dynamoLocalLevel);
        }
    }

    private static AuditedChange<AuditEntry> entryOnly(String actor, String target, int i, AtomicInteger attempts) {
        Caller caller = new Caller(actor, actor + "@ops.example", Set.of(Role.OPS));
        AuditDraft draft = new AuditDraft(caller, "flag.set", target, null, "{\"commit\":" + i + "}",
                "Concurrent commit " + i, new RequestOrigin("req-" + actor + "-" + i, "203.0.113.20"));
        return seq -> {
            attempts.incrementAndGet();
            return new AuditedChange.Write<>(List.of(), draft, entry -> entry);
        };
    }
}
