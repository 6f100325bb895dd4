package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.config.ConfigChange;
import com.warroom.config.ConfigChangeParser;
import com.warroom.config.ConfigOutcome;
import com.warroom.config.ConfigSnapshot;
import com.warroom.config.ConfigStore;
import com.warroom.config.ParsedChange;
import com.warroom.config.SeedConfig;
import com.warroom.http.Caller;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies an approved {@code CONFIG_CHANGE}: checks the change again against the config in force now
 * (it may have changed since the request) and writes the next version's snapshot, conditional on that
 * version not existing yet, so two approved changes can never both become the same version. The new
 * snapshot names the requester as its author and the approval as its source.
 */
final class ConfigChangeApplier implements ActionApplier {

    private final ConfigStore store;
    private final Clock clock;

    ConfigChangeApplier(ConfigStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Plan plan(ApprovalRequest request, JsonNode payload, long auditSeq) {
        Optional<ConfigSnapshot> newest = store.newest();
        if (newest.isEmpty()) {
            return new Refuse("no config is loaded yet, so there is nothing to change; nothing was applied");
        }
        SeedConfig current = ConfigStore.config(newest.get());
        String kind = payload.path("kind").textValue();
        ConfigChange change;
        switch (ConfigChangeParser.parse(kind, payload.get("payload"), current, clock.instant())) {
            case ParsedChange.Invalid invalid -> {
                return new Refuse("the change no longer applies to config v" + current.version() + " ("
                        + describe(invalid.errors()) + "); nothing was applied");
            }
            case ParsedChange.Valid valid -> change = valid.change();
        }
        if (!(change.applyTo(current) instanceof ConfigOutcome.Valid next)) {
            return new Refuse("the change no longer applies to config v" + current.version() + "; nothing was applied");
        }
        ConfigSnapshot snapshot = store.snapshot(next.config(),
                new Caller(request.requestedBy(), request.requestedByEmail(), Set.of()),
                "approval:" + request.id(), auditSeq);
        Map<String, Object> effect = new LinkedHashMap<>(ConfigStore.summary(snapshot));
        effect.put("kind", change.kind());
        effect.put("payload", change.payload());
        return new Apply(List.of(store.putNew(snapshot)), Json.write(ConfigStore.summary(newest.get())), effect,
                "config v" + snapshot.version() + ": " + change.kind() + " applied");
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
