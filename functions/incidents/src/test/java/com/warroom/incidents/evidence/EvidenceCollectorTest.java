package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Collecting, storing and reading back an incident's evidence over the embedded stack, with real rows. */
@ExtendWith(EmbeddedStackExtension.class)
class EvidenceCollectorTest {

    private static final Instant FROM = EvidenceWorld.NOW.minus(Duration.ofDays(1));
    private static final Instant TO = EvidenceWorld.NOW;

    private EvidenceWorld world;
    @TempDir
    Path logDir;

    private String incidentId;
    private String userId;
    private String orderId;
    private String otherUsersOrder;
    private String payoutId;
    private String findingId;
    private String ticketId;

    @BeforeEach
    void seed(EmbeddedStack stack) throws IOException {
        world = new EvidenceWorld(stack);
        incidentId = EvidenceWorld.fresh("inc");
        userId = EvidenceWorld.fresh("u");
        orderId = EvidenceWorld.fresh("ord");
        otherUsersOrder = EvidenceWorld.fresh("ord");
        payoutId = EvidenceWorld.fresh("po");
        findingId = EvidenceWorld.hexId("f-");
        ticketId = EvidenceWorld.hexId("tkt-");
        world.paidOrder(orderId, userId, Duration.ofHours(3));
        world.paidOrder(otherUsersOrder, EvidenceWorld.fresh("u"), Duration.ofHours(3));
        world.heldPayout(payoutId, userId, Duration.ofHours(2));
        world.expGranted(userId, EvidenceWorld.hexId("tkt-"), 50, Duration.ofHours(1));
        world.expGranted(userId, EvidenceWorld.hexId("tkt-"), 70, Duration.ofDays(40));
        world.audited("payout:" + payoutId, "payout.retry", Duration.ofMinutes(30));
        world.audited("payout:" + payoutId, "payout.retry", Duration.ofDays(40));
        world.audited("user:" + userId, "support.lookup", Duration.ofMinutes(20));
        world.disable(Flag.FEED_POSTING, new FlagScope.User(userId), "evidence test: user's feed posting off");
        world.finding(findingId, orderId + " entitlement");
        world.ticket(ticketId, userId);
        Files.write(logDir.resolve("functions.log"), List.of(
                "{\"timestamp\":\"2026-12-01T09:00:00.000Z\",\"level\":\"INFO\",\"message\":\"applied payment of " + orderId + "\"}",
                "{\"timestamp\":\"2026-11-01T09:00:00.000Z\",\"level\":\"INFO\",\"message\":\"old line of " + orderId + "\"}",
                "{\"timestamp\":\"2026-12-01T09:00:01.000Z\",\"level\":\"INFO\",\"message\":\"unrelated\"}",
                "not json and no time " + orderId), StandardCharsets.UTF_8);
        Files.write(logDir.resolve("warroom.log"), List.of("2026-12-01T09:30:00Z payout " + payoutId + " held"),
                StandardCharsets.UTF_8);
    }

    private EvidenceRequest request() {
        return new EvidenceRequest(List.of(orderId), List.of(), List.of(userId), List.of(findingId), List.of(ticketId),
                List.of(Flag.FEED_POSTING.key()), FROM, TO);
    }

    @Test
    void collect_withRealRows_storesOneBundleOfEveryKindHashedAsRecorded() {
        Evidence evidence = world.collector(logDir).collect(incidentId, request(), "ops-alice");

        byte[] stored = world.collector(logDir).read(incidentId, evidence.evidenceId()).orElseThrow();
        assertThat(EvidenceWorld.sha256(stored)).isEqualTo(evidence.sha256());
        assertThat(evidence.location()).isEqualTo("s3://" + Topology.EVIDENCE.localName() + "/incidents/" + incidentId + "/"
                + evidence.evidenceId() + ".json");
        assertThat(evidence.evidenceId()).matches(EvidenceCollector.EVIDENCE_ID);
        assertThat(evidence.collectedAt()).isEqualTo(EvidenceWorld.NOW);

        JsonNode bundle = Json.readTree(new String(stored, StandardCharsets.UTF_8));
        assertThat(bundle.path("incidentId").asText()).isEqualTo(incidentId);
        assertThat(bundle.path("collectedBy").asText()).isEqualTo("ops-alice");
        JsonNode rows = bundle.path("rows");
        assertThat(texts(rows.path("orders"), "orderId")).containsExactly(orderId);
        assertThat(texts(rows.path("paymentEvents"), "orderId")).containsExactly(orderId);
        assertThat(texts(rows.path("payouts"), "payoutId")).containsExactly(payoutId);
        assertThat(rows.path("payouts").get(0).path("mac").asText()).isNotEmpty();
        assertThat(texts(rows.path("ledgerEntries"), "key")).contains("journal#order-paid:" + orderId,
                "journal#payout-hold:" + payoutId + ":1", "line#exp:" + userId + "#EXP");
        assertThat(StreamSupport.stream(rows.path("ledgerEntries").spliterator(), false)
                .filter(e -> e.path("key").asText().startsWith("line#exp:")).map(e -> e.path("minor").asLong()))
                .as("the EXP line of the window, not the one of 40 days ago").containsExactly(50L);
        assertThat(texts(rows.path("auditEntries"), "target")).containsExactlyInAnyOrder("payout:" + payoutId, "user:" + userId);
        assertThat(texts(rows.path("flags"), "scope")).contains("user:" + userId);
        assertThat(texts(rows.path("findings"), "findingId")).containsExactly(findingId);
        assertThat(texts(rows.path("tickets"), "item")).containsExactly("comment#0001", "ticket");
        assertThat(evidence.counts()).containsEntry("orders", 1).containsEntry("paymentEvents", 1).containsEntry("payouts", 1)
                .containsEntry("auditEntries", 2).containsEntry("findings", 1).containsEntry("tickets", 2).containsEntry("logLines", 2);
        assertThat(bundle.path("counts").path("ledgerEntries").asInt()).isEqualTo(evidence.counts().get("ledgerEntries"));
    }

    @Test
    void collect_whenLogsMentionTheIds_storesTheWindowsLinesBesideTheBundle() {
        EvidenceCollector collector = world.collector(logDir);
        Evidence evidence = collector.collect(incidentId, request(), "ops-alice");

        byte[] logs = collector.readLogs(incidentId, evidence.evidenceId()).orElseThrow();
        JsonNode bundle = Json.readTree(new String(collector.read(incidentId, evidence.evidenceId()).orElseThrow(), StandardCharsets.UTF_8));
        assertThat(bundle.path("logs").path("sha256").asText()).isEqualTo(EvidenceWorld.sha256(logs));
        assertThat(bundle.path("logs").path("location").asText()).endsWith("/" + evidence.evidenceId() + ".logs.json");
        JsonNode lines = Json.readTree(new String(logs, StandardCharsets.UTF_8)).path("lines");
        assertThat(texts(lines, "message")).containsExactly(
                "{\"timestamp\":\"2026-12-01T09:00:00.000Z\",\"level\":\"INFO\",\"message\":\"applied payment of " + orderId + "\"}",
                "2026-12-01T09:30:00Z payout " + payoutId + " held");
        assertThat(texts(lines, "log")).containsExactly("functions.log", "warroom.log");
    }

    @Test
    void collect_sameRowsTwice_givesTheSameRowBytes() {
        EvidenceCollector collector = world.collector(logDir);
        Evidence first = collector.collect(incidentId, request(), "ops-alice");
        Evidence second = collector.collect(incidentId, request(), "ops-alice");

        JsonNode one = Json.readTree(new String(collector.read(incidentId, first.evidenceId()).orElseThrow(), StandardCharsets.UTF_8));
        JsonNode two = Json.readTree(new String(collector.read(incidentId, second.evidenceId()).orElseThrow(), StandardCharsets.UTF_8));
        assertThat(first.evidenceId()).isNotEqualTo(second.evidenceId());
        assertThat(CanonicalJson.bytes(one.path("rows"))).isEqualTo(CanonicalJson.bytes(two.path("rows")));
        assertThat(one.path("logs").path("sha256")).isNotEqualTo(two.path("logs").path("sha256"))
                .as("the log results name their own evidence id");
    }

    @Test
    void collect_whenTheEvidenceIdWasUsed_refusesAndKeepsTheFirstBundle() {
        String evidenceId = EvidenceCollector.randomId();
        EvidenceCollector collector = world.collector(logDir, () -> evidenceId);
        Evidence first = collector.collect(incidentId, request(), "ops-alice");
        world.clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> collector.collect(incidentId, request(), "ops-bob"))
                .isInstanceOf(EvidenceUnavailable.class).hasMessageContaining("never replaced");
        byte[] stored = collector.read(incidentId, evidenceId).orElseThrow();
        assertThat(EvidenceWorld.sha256(stored)).isEqualTo(first.sha256());
    }

    @Test
    void collect_whenTwoCollectorsRaceForOneEvidenceId_storesExactlyOneBundle() throws Exception {
        String evidenceId = EvidenceCollector.randomId();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Evidence>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String actor = "ops-" + i;
                tries.add(pool.submit(() -> {
                    start.await();
                    return world.collector(logDir, () -> evidenceId).collect(incidentId, request(), actor);
                }));
            }
            start.countDown();
            List<Evidence> stored = new ArrayList<>();
            int refused = 0;
            for (Future<Evidence> attempt : tries) {
                try {
                    stored.add(attempt.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(EvidenceUnavailable.class).hasMessageContaining("never replaced");
                    refused++;
                }
            }
            assertThat(stored).hasSize(1);
            assertThat(refused).isEqualTo(3);
            byte[] bundle = world.collector(logDir).read(incidentId, evidenceId).orElseThrow();
            assertThat(EvidenceWorld.sha256(bundle)).isEqualTo(stored.get(0).sha256());
            assertThat(world.collector(logDir).readLogs(incidentId, evidenceId)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bucket_refusesAnOverwriteAndADeleteOfEvidence() {
        Evidence evidence = world.collector(logDir).collect(incidentId, request(), "ops-alice");
        String key = EvidenceCollector.bundleKey(incidentId, evidence.evidenceId());
        String bucket = Topology.EVIDENCE.localName();

        assertThatThrownBy(() -> world.s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromString("{}")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> world.s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("{}")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> world.s3.deleteObject(r -> r.bucket(bucket).key(key)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(EvidenceWorld.sha256(world.collector(logDir).read(incidentId, evidence.evidenceId()).orElseThrow()))
                .isEqualTo(evidence.sha256());
    }

    @Test
    void read_whenTheRecordedHashDiffers_failsLoudly() {
        EvidenceCollector collector = world.collector(logDir);
        Evidence evidence = collector.collect(incidentId, request(), "ops-alice");
        String other = "0".repeat(64);

        assertThatThrownBy(() -> collector.read(incidentId, evidence.evidenceId(), Optional.of(other)))
                .isInstanceOf(EvidenceTampered.class).hasMessageContaining(evidence.sha256()).hasMessageContaining(other);
        assertThat(collector.read(incidentId, evidence.evidenceId(), Optional.of(evidence.sha256()))).isPresent();
    }

    @Test
    void read_whenThereIsNoSuchEvidence_isEmpty() {
        EvidenceCollector collector = world.collector(logDir);

        assertThat(collector.read(incidentId, EvidenceCollector.randomId())).isEmpty();
        assertThat(collector.read(incidentId, "../../etc/passwd")).isEmpty();
        assertThat(collector.read("inc/../x", EvidenceCollector.randomId())).isEmpty();
        assertThat(collector.readLogs(incidentId, EvidenceCollector.randomId())).isEmpty();
    }

    @Test
    void collect_whenTheUserHasRowsOutsideTheWindow_leavesThemOut() {
        String oldOrder = EvidenceWorld.fresh("ord");
        world.paidOrder(oldOrder, userId, Duration.ofDays(3));
        EvidenceRequest byUser = new EvidenceRequest(List.of(), List.of(), List.of(userId), List.of(), List.of(), List.of(), FROM, TO);

        Evidence evidence = world.collector(logDir).collect(incidentId, byUser, "ops-alice");

        JsonNode rows = Json.readTree(new String(world.collector(logDir).read(incidentId, evidence.evidenceId()).orElseThrow(),
                StandardCharsets.UTF_8)).path("rows");
        assertThat(texts(rows.path("orders"), "orderId")).containsExactly(orderId);
        assertThat(texts(rows.path("payouts"), "payoutId")).containsExactly(payoutId);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
