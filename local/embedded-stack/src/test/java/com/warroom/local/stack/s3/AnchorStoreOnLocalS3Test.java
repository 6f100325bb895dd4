package com.warroom.local.stack.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.anchor.AnchorsUnavailable;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link AnchorStore} as the integrity-anchor and audit-read functions use it, through Warroom's own S3 client
 * against the local S3: anchors are found newest first, never replaced, never deleted, and kept across a restart.
 */
class AnchorStoreOnLocalS3Test {

    @TempDir
    Path data;

    private LocalS3Session session;
    private String bucket;
    private AnchorStore store;

    @BeforeEach
    void start() throws IOException {
        session = LocalS3Session.start(Optional.of(data));
        bucket = session.s3.register(Topology.ANCHORS);
        store = new AnchorStore(session.client, bucket);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void append_thenNewest_answersTheAnchorAsWritten() {
        Anchor anchor = anchor(Anchor.AUDIT_HEAD, 42, "h42");

        assertThat(store.append(anchor)).isTrue();

        assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(anchor);
        assertThat(bucket).isEqualTo("warroom-anchors");
    }

    @Test
    void newest_whenManyWereAppendedInAnyOrder_isTheHighestSeqOfThatKind() {
        for (long seq : new long[] {7, 1, 1_000, 99, 10, 999, 0, 100}) {
            assertThat(store.append(anchor(Anchor.AUDIT_HEAD, seq, "h" + seq))).isTrue();
        }
        store.append(anchor(Anchor.FLAG_SEAL, 5_000, "flags"));

        assertThat(store.newest(Anchor.AUDIT_HEAD)).map(Anchor::seq).contains(1_000L);
        assertThat(store.newest(Anchor.FLAG_SEAL)).map(Anchor::hash).contains("flags");
    }

    @Test
    void append_whenThatSeqWasAnchoredBefore_answersFalseAndKeepsTheFirst() {
        Anchor first = anchor(Anchor.AUDIT_HEAD, 8, "first");

        assertThat(store.append(first)).isTrue();
        assertThat(store.append(anchor(Anchor.AUDIT_HEAD, 8, "second"))).isFalse();

        assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(first);
    }

    @Test
    void append_whenManyWritersRaceForOneSeq_exactlyOneWins() throws Exception {
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Anchor anchor = anchor(Anchor.FLAG_SEAL, 3, "writer-" + i);
            attempts.add(() -> {
                go.await();
                return store.append(anchor);
            });
        }
        List<Boolean> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Boolean>> futures = attempts.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).containsOnlyOnce(true).hasSize(writers);
        assertThat(store.newest(Anchor.FLAG_SEAL).orElseThrow().hash()).startsWith("writer-");
    }

    @Test
    void newest_whenTheKindHasNoAnchor_isEmpty() {
        store.append(anchor(Anchor.AUDIT_HEAD, 1, "h1"));

        assertThat(store.newest(Anchor.FLAG_SEAL)).isEmpty();
        assertThat(store.newest("unknown-kind")).isEmpty();
    }

    @Test
    void putObject_overAnExistingAnchorWithoutACondition_isRefusedAndTheAnchorStays() {
        Anchor anchor = anchor(Anchor.AUDIT_HEAD, 5, "real");
        store.append(anchor);
        String key = AnchorStore.key(Anchor.AUDIT_HEAD, 5);

        assertThatThrownBy(() -> session.client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("{\"forged\":true}")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
        assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(anchor);
    }

    @Test
    void deleteObject_ofAnAnchor_isRefusedAsLockedAndTheAnchorStays() {
        Anchor anchor = anchor(Anchor.AUDIT_HEAD, 6, "kept");
        store.append(anchor);

        assertThatThrownBy(() -> session.client.deleteObject(r -> r.bucket(bucket).key(AnchorStore.key(Anchor.AUDIT_HEAD, 6))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("locked");
                });
        assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(anchor);
    }

    @Test
    void restart_withTheSameDataFolder_keepsTheAnchorsInOwnerOnlyFiles() throws IOException {
        Anchor older = anchor(Anchor.AUDIT_HEAD, 10, "h10");
        Anchor newer = anchor(Anchor.AUDIT_HEAD, 11, "h11");
        store.append(older);
        store.append(newer);
        session.close();

        session = LocalS3Session.start(Optional.of(data));
        store = new AnchorStore(session.client, session.s3.register(Topology.ANCHORS));

        assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(newer);
        assertThat(store.append(anchor(Anchor.AUDIT_HEAD, 11, "rewritten"))).isFalse();
        assertThat(store.newest(Anchor.AUDIT_HEAD)).contains(newer);
        assertThat(permissions(data.resolve(bucket))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(data.resolve(bucket))) {
            assertThat(files.toList()).hasSize(2).allSatisfy(file -> assertThat(permissions(file)).isEqualTo("rw-------"));
        }
    }

    @Test
    void newest_whenTheBucketDoesNotExist_throwsAnchorsUnavailable() {
        var missing = new AnchorStore(session.client, "warroom-missing");

        assertThatThrownBy(() -> missing.newest(Anchor.AUDIT_HEAD)).isInstanceOf(AnchorsUnavailable.class);
        assertThatThrownBy(() -> missing.append(anchor(Anchor.AUDIT_HEAD, 1, "h"))).isInstanceOf(AnchorsUnavailable.class);
    }

    private static Anchor anchor(String kind, long seq, String hash) {
        return new Anchor(kind, seq, hash, kind.equals(Anchor.FLAG_SEAL) ? 3 : null, "bWFj", "arn:aws:kms:us-east-1:000000000000:key/k",
                "2026-12-01T00:00:00Z");
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
