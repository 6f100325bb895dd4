package com.warroom.flags;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every stored flag state at one moment, and the rule that decides an action against them. */
public final class FlagSnapshot {

    private final Map<String, FlagRecord> byFlagAndScope;
    private final Instant readAt;

    public FlagSnapshot(Collection<FlagRecord> records, Instant readAt) {
        Map<String, FlagRecord> map = new HashMap<>();
        records.forEach(r -> map.put(r.flag() + "|" + r.scope(), r));
        this.byFlagAndScope = Map.copyOf(map);
        this.readAt = readAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public Optional<FlagRecord> find(Flag flag, FlagScope scope) {
        return Optional.ofNullable(byFlagAndScope.get(flag.key() + "|" + scope.key()));
    }

    public List<FlagRecord> records() {
        return List.copyOf(byFlagAndScope.values());
    }

    /**
     * An action is blocked when its flag is disabled globally or in any scope that matches its round
     * or its user; the global state is reported first, then the round's, then the user's.
     */
    public FlagDecision decide(Flag flag, Optional<String> roundId, Optional<String> userId, boolean stale) {
        List<FlagScope> scopes = new java.util.ArrayList<>();
        scopes.add(FlagScope.GLOBAL);
        roundId.ifPresent(id -> scopes.add(new FlagScope.Round(id)));
        userId.ifPresent(id -> scopes.add(new FlagScope.User(id)));
        for (FlagScope scope : scopes) {
            Optional<FlagRecord> state = find(flag, scope);
            if (state.isPresent() && !state.get().enabled()) {
                FlagRecord r = state.get();
                return FlagDecision.block(new FlagDecision.BlockedBy(flag.key(), scope.key(), r.reason(), r.updatedAt()), stale);
            }
        }
        return FlagDecision.allow(stale);
    }
}
