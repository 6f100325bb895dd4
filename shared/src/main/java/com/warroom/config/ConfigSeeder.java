package com.warroom.config;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the first config into an empty config table: its snapshot and a {@code config.seeded} audit
 * entry in one transaction. A table that holds any snapshot is refused, so a seed never overwrites
 * the config that approved changes made.
 */
public final class ConfigSeeder {

    public static final String SEEDED = "config.seeded";
    /** The audit target of everything that happens to the config outside an approval. */
    public static final String TARGET = "config";

    private final ConfigStore store;
    private final AuditLog audit;

    public ConfigSeeder(ConfigStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** {@code source} says where the config came from, e.g. {@code seed:config/seed-v1.json}. */
    public SeedOutcome seed(SeedConfig config, Caller actor, SeedSource source) {
        return audit.commit(auditSeq -> store.newest()
                .<AuditedChange.Attempt<SeedOutcome>>map(existing -> new AuditedChange.Refuse<>(new SeedOutcome.AlreadyLoaded(existing)))
                .orElseGet(() -> write(config, actor, source, auditSeq)));
    }

    private AuditedChange.Attempt<SeedOutcome> write(SeedConfig config, Caller actor, SeedSource source, long auditSeq) {
        ConfigSnapshot snapshot = store.snapshot(config, actor, source.name(), auditSeq);
        Map<String, Object> after = ConfigStore.summary(snapshot);
        after.put("config", SeedConfigJson.write(config));
        AuditDraft draft = new AuditDraft(actor, SEEDED, TARGET, null, Json.write(after),
                "config loaded into an empty config table from " + source.name(), source.origin());
        return new AuditedChange.Write<>(List.of(store.putNew(snapshot)), draft, entry -> new SeedOutcome.Seeded(snapshot));
    }

    /** Where a seed came from ({@code seed:<file>}) and the request or invocation that loaded it. */
    public record SeedSource(String name, RequestOrigin origin) {
        public SeedSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The seed was written, or the table already held a config and nothing was written. */
    public sealed interface SeedOutcome {
        record Seeded(ConfigSnapshot snapshot) implements SeedOutcome {
        }

        record AlreadyLoaded(ConfigSnapshot newest) implements SeedOutcome {
        }
    }
}
