package com.warroom.local;

import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigParser;
import com.warroom.config.seed.SeedHandler;
import com.warroom.http.Caller;
import com.warroom.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local runner's first start: an empty config table is loaded from the repository's
 * {@code config/seed-v1.json} (found from the working directory up), or from the copy bundled in the
 * config functions when run outside the repository. A table that holds a config is left alone.
 */
final class LocalConfigSeed {

    /** Who the audit log names as having loaded the seed locally. */
    static final Caller ACTOR = new Caller("warroom-local", "", Set.of());
    static final Path SEED_FILE = Path.of("config", "seed-v1.json");

    private LocalConfigSeed() {
    }

    /** Seeds an empty config table; answers one line for the banner. */
    static String ensure(Path workingDir) {
        Clock clock = Clock.systemUTC();
        var dynamo = AwsClients.dynamoDbEnhanced();
        ConfigStore store = new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock);
        var current = store.newest();
        if (current.isPresent()) {
            return "v" + current.get().version();
        }
        Optional<Path> file = find(workingDir);
        SeedConfig seed = file.map(LocalConfigSeed::load).orElseGet(SeedHandler::bundledSeed);
        String from = file.map(Path::toString).orElse("the bundled " + SeedHandler.SEED_RESOURCE);
        var seeder = new ConfigSeeder(store, AuditLog.fromSettings(dynamo, clock));
        return switch (seeder.seed(seed, ACTOR, new ConfigSeeder.SeedSource("seed:" + from, new RequestOrigin("local-first-start", "127.0.0.1")))) {
            case ConfigSeeder.SeedOutcome.Seeded seeded -> "seeded v" + seeded.snapshot().version() + " from " + from;
            case ConfigSeeder.SeedOutcome.AlreadyLoaded loaded -> "v" + loaded.newest().version();
        };
    }

    /** The nearest {@code config/seed-v1.json} at or above {@code dir}. */
    static Optional<Path> find(Path dir) {
        for (Path at = dir.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            Path candidate = at.resolve(SEED_FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static SeedConfig load(Path file) {
        return switch (SeedConfigParser.load(file)) {
            case ConfigOutcome.Valid valid -> valid.config();
            case ConfigOutcome.Invalid invalid -> throw new IllegalStateException(file + " breaks config rules: "
                    + invalid.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        };
    }
}
