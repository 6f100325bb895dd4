package com.warroom.config.seed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.audit.AuditLog;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSeeder;
import com.warroom.config.ConfigStore;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.Caller;
import com.warroom.lambda.Envelope;
import com.warroom.lambda.Priming;
import com.warroom.ledger.Ledger;
import com.warroom.payouts.OpeningBalances;
import com.warroom.payouts.TreasuryOpenings;
import com.warroom.seal.KmsSealer;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Loads the seed config bundled in this jar ({@code config/seed-v1.json}, copied from the repository at
 * build time) into an empty config table: version 1 and a {@code config.seeded} audit entry; then posts the file's
 * treasury opening balances ({@link OpeningBalances}), each once ever, with its audit entry. Not routed:
 * run once after the first deploy with {@code aws lambda invoke --function-name <config-seed> --payload '{}' out.json}
 * (or by a deploy trigger). A table that already holds a config answers {@code ALREADY_LOADED} and writes
 * nothing, and opening balances posted before are not posted again, so running it again is harmless; a bundled file
 * that breaks a config rule fails the invocation.
 */
public final class SeedHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The seed file's path inside the jar. */
    public static final String SEED_RESOURCE = "config/seed-v1.json";
    /** Who the audit log names as having loaded the seed in AWS. */
    public static final Caller ACTOR = new Caller("warroom-config-seed", "", Set.of());

    private final ConfigSeeder seeder;
    private final TreasuryOpenings openings;

    public SeedHandler() {
        this(AwsClients.dynamoDbEnhanced(), Clock.systemUTC());
    }

    private SeedHandler(DynamoDbEnhancedClient dynamo, Clock clock) {
        this(new ConfigStore(dynamo, Settings.require(Topology.CONFIG.envVar()), clock), AuditLog.fromSettings(dynamo, clock),
                Ledger.fromSettings(dynamo, KmsSealer.forKey(Topology.SEALS), clock), clock);
    }

    private SeedHandler(ConfigStore store, AuditLog audit, Ledger ledger, Clock clock) {
        this(new ConfigSeeder(store, audit), new TreasuryOpenings(ledger, audit, clock));
        // reads only: the bundled seed and its opening balances checked against every rule, and the config table's newest version
        Priming.register(Topology.CONFIG_SEED.name(), () -> {
            bundledOpenings(bundledSeed());
            store.newest();
        });
    }

    SeedHandler(ConfigSeeder seeder, TreasuryOpenings openings) {
        this.seeder = seeder;
        this.openings = openings;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = Envelope.requestId(context, "unknown");
        return Envelope.rethrowing(context, requestId, () -> seed(requestId));
    }

    private Map<String, Object> seed(String requestId) {
        var source = new ConfigSeeder.SeedSource("seed:" + SEED_RESOURCE, new RequestOrigin(requestId, "lambda-invoke"));
        Map<String, Object> out = new LinkedHashMap<>();
        SeedConfig seed = bundledSeed();
        OpeningBalances balances = bundledOpenings(seed);
        switch (seeder.seed(seed, ACTOR, source)) {
            case ConfigSeeder.SeedOutcome.Seeded seeded -> {
                out.put("status", "SEEDED");
                out.put("version", seeded.snapshot().version());
                out.put("configHash", seeded.snapshot().configHash());
            }
            case ConfigSeeder.SeedOutcome.AlreadyLoaded loaded -> {
                out.put("status", "ALREADY_LOADED");
                out.put("version", loaded.newest().version());
                out.put("detail", "the config table already holds version " + loaded.newest().version()
                        + "; a seed loads only into an empty table, so nothing was written");
            }
        }
        List<TreasuryOpenings.Outcome> opened = openings.post(balances, ACTOR, source);
        Map<String, Object> openingBalances = new LinkedHashMap<>();
        openingBalances.put("posted", opened.stream().filter(o -> o instanceof TreasuryOpenings.Outcome.Posted)
                .map(TreasuryOpenings.Outcome::entryId).toList());
        openingBalances.put("alreadyPosted", opened.stream().filter(o -> o instanceof TreasuryOpenings.Outcome.AlreadyPosted)
                .map(TreasuryOpenings.Outcome::entryId).toList());
        out.put("openingBalances", openingBalances);
        return out;
    }

    /** The bundled seed file, checked against every config rule. */
    public static SeedConfig bundledSeed() {
        return switch (SeedConfigParser.parse(bundledSeedText())) {
            case ConfigOutcome.Valid valid -> valid.config();
            case ConfigOutcome.Invalid invalid -> throw new IllegalStateException("the bundled " + SEED_RESOURCE
                    + " breaks config rules: " + invalid.errors());
        };
    }

    /** The bundled seed file's opening balances, checked against its treasury list. */
    public static OpeningBalances bundledOpenings(SeedConfig seed) {
        return switch (OpeningBalances.parse(bundledSeedText(), seed)) {
            case OpeningBalances.Parsed.Valid valid -> valid.balances();
            case OpeningBalances.Parsed.Invalid invalid -> throw new IllegalStateException("the bundled " + SEED_RESOURCE
                    + " has opening balances that break their rules: " + invalid.errors());
        };
    }

    /** The bundled seed file as it is. */
    public static String bundledSeedText() {
        try (InputStream in = SeedHandler.class.getClassLoader().getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SEED_RESOURCE + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED_RESOURCE, e);
        }
    }
}
