package com.warroom.config.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigSnapshot;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigJson;
import com.warroom.config.seed.SeedHandler;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(EmbeddedStackExtension.class)
class ConfigStoreTest {

    private static final SeedConfig SEED = SeedHandler.bundledSeed();

    @Test
    void seed_whenEmpty_writesVersionOneAndItsAuditEntry(EmbeddedStack stack) {
        ConfigFixtures fixtures = new ConfigFixtures(stack);
        assertThat(fixtures.store.current()).isEmpty();
        String sub = "seeder-" + fixtures.tableName;

        var outcome = fixtures.seeder().seed(SEED, new Caller(sub, "", Set.of()),
                new ConfigSeeder.SeedSource("seed:config/seed-v1.json", new RequestOrigin("req-1", "127.0.0.1")));

        ConfigSnapshot snapshot = ((ConfigSeeder.SeedOutcome.Seeded) outcome).snapshot();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.configHash()).isEqualTo(AuditHasher.sha256Hex(SeedConfigJson.canonical(SEED)));
        assertThat(fixtures.store.current()).contains(SEED);
        assertThat(fixtures.store.newest()).contains(snapshot);
        List<AuditEntry> entries = fixtures.entriesBy(sub);
        assertThat(entries).hasSize(1);
        AuditEntry entry = entries.get(0);
        assertThat(entry.action()).isEqualTo(ConfigSeeder.SEEDED);
        assertThat(entry.target()).isEqualTo("config");
        assertThat(entry.seq()).isEqualTo(snapshot.auditSeq());
        assertThat(entry.before()).isNull();
        assertThat(Json.readTree(entry.after()).path("configHash").asText()).isEqualTo(snapshot.configHash());
        assertThat(Json.readTree(entry.after()).path("source").asText()).isEqualTo("seed:config/seed-v1.json");
    }

    @Test
    void seed_whenAnySnapshotExists_isRefusedAndWritesNothing(EmbeddedStack stack) {
        ConfigFixtures fixtures = new ConfigFixtures(stack);
        ConfigSnapshot first = fixtures.seed();
        String sub = "again-" + fixtures.tableName;

        var outcome = fixtures.seeder().seed(SEED.withVersion(7), new Caller(sub, "", Set.of()),
                new ConfigSeeder.SeedSource("seed:other", new RequestOrigin("req-2", "127.0.0.1")));

        assertThat(outcome).isEqualTo(new ConfigSeeder.SeedOutcome.AlreadyLoaded(first));
        assertThat(fixtures.store.newest()).contains(first);
        assertThat(fixtures.entriesBy(sub)).isEmpty();
    }

    @Test
    void seed_whenRacedInParallel_landsExactlyOnce(EmbeddedStack stack) throws Exception {
        ConfigFixtures fixtures = new ConfigFixtures(stack);
        String sub = "racer-" + fixtures.tableName;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ConfigSeeder.SeedOutcome>> seeds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                seeds.add(() -> fixtures.seeder().seed(SEED, new Caller(sub, "", Set.of()),
                        new ConfigSeeder.SeedSource("seed:race", new RequestOrigin("race", "127.0.0.1"))));
            }
            List<ConfigSeeder.SeedOutcome> outcomes = new ArrayList<>();
            for (Future<ConfigSeeder.SeedOutcome> f : pool.invokeAll(seeds)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof ConfigSeeder.SeedOutcome.Seeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConfigSeeder.SeedOutcome.AlreadyLoaded).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.entriesBy(sub)).hasSize(1);
        assertThat(fixtures.store.table().scan().items().stream().count()).isEqualTo(1);
    }

    @Test
    void putNew_whenTheVersionExists_failsItsTransaction(EmbeddedStack stack) {
        ConfigFixtures fixtures = new ConfigFixtures(stack);
        ConfigSnapshot first = fixtures.seed();
        ConfigSnapshot rival = fixtures.store.snapshot(SEED, new Caller("rival", "", Set.of()), "test", 0);
        var request = TransactWriteItemsEnhancedRequest.builder();
        fixtures.store.putNew(rival).accept(request);

        assertThatThrownBy(() -> fixtures.dynamo.transactWriteItems(request.build()))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(fixtures.store.newest()).contains(first);
    }

    @Test
    void current_readsTheNewestVersion(EmbeddedStack stack) {
        ConfigFixtures fixtures = new ConfigFixtures(stack);
        fixtures.seed();
        for (long v = 2; v <= 11; v++) {
            ConfigSnapshot next = fixtures.store.snapshot(SEED.withVersion(v), new Caller("writer", "", Set.of()), "test", 0);
            var request = TransactWriteItemsEnhancedRequest.builder();
            fixtures.store.putNew(next).accept(request);
            fixtures.dynamo.transactWriteItems(request.build());
        }
        assertThat(fixtures.store.current().orElseThrow().version()).as("numeric, not text, order").isEqualTo(11);
        assertThat(ConfigStore.config(fixtures.store.newest().orElseThrow())).isEqualTo(SEED.withVersion(11));
    }
}
