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
import com.warroom.ledger.Ledger;
import com.warroom.payouts.OpeningBalances;
import com.warroom.payouts.TreasuryOpenings;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local runner's first start: an empty config table is loaded from the repository's
 * {@code config/seed-v1.json} (found from the working directory up), or from the copy bundled in the
 * config functions when run outside the repository. A table that holds a config is left alone. Every start then posts
 * the seed's treasury opening balances that are not posted yet (each once ever), so that payouts have money locally,
 * also in a data folder made before the seed had them.
 */
final class LocalConfigSeed {

    /** Who the audit log names as having loaded the seed locally. */
    static final Caller ACTOR = new Caller("warroom-local", "", Set.of());
    static final Path SEED_FILE = Path.of("config", "seed-v1.json");

    private LocalConfigSeed() {
    }

    /** Seeds an empty config table and posts the opening balances not posted yet; answers one line for the banner. */
    static String ensure(Path workingDir) {
        Clock clock = Clock.systemUTC();
        var dynamo = AwsClients.dynamoDbEnhanced();
        ConfigStore store = new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock);
        AuditLog audit = AuditLog.fromSettings(dynamo, clock);
        Optional<Path> file = find(workingDir);
        String text = file.map(LocalConfigSeed::read).orElseGet(SeedHandler::bundledSeedText);
        String from = file.map(Path::toString).orElse("the bundled " + SeedHandler.SEED_RESOURCE);
        SeedConfig seed = parse(text, from);
        var source = new ConfigSeeder.SeedSource("seed:" + from, new RequestOrigin("local-first-start", "127.0.0.1"));
        var current = store.newest();
        String config = current.isPresent() ? "v" + current.get().version()
                : switch (new ConfigSeeder(store, audit).seed(seed, ACTOR, source)) {
                    case ConfigSeeder.SeedOutcome.Seeded seeded -> "seeded v" + seeded.snapshot().version() + " from " + from;
                    case ConfigSeeder.SeedOutcome.AlreadyLoaded loaded -> "v" + loaded.newest().version();
                };
        var openings = new TreasuryOpenings(Ledger.fromSettings(dynamo, KmsSealer.forKey(Topology.SEALS), clock), audit, clock);
        List<TreasuryOpenings.Outcome> posted = openings.post(openings(text, seed, from), ACTOR, source).stream()
                .filter(outcome -> outcome instanceof TreasuryOpenings.Outcome.Posted).toList();
        return posted.isEmpty() ? config : config + "; " + posted.size() + " treasury opening balances posted";
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }

    private static SeedConfig parse(String text, String from) {
        return switch (SeedConfigParser.parse(text)) {
            case ConfigOutcome.Valid valid -> valid.config();
            case ConfigOutcome.Invalid invalid -> throw new IllegalStateException(from + " breaks config rules: "
                    + invalid.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        };
    }

    private static OpeningBalances openings(String text, SeedConfig seed, String from) {
        return switch (OpeningBalances.parse(text, seed)) {
            case OpeningBalances.Parsed.Valid valid -> valid.balances();
            case OpeningBalances.Parsed.Invalid invalid -> throw new IllegalStateException(from + " has opening balances that break "
                    + "their rules: " + invalid.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        };
    }
}
