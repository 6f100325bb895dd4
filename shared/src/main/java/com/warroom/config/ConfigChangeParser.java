package com.warroom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a requested config change ({@code kind} and {@code payload} of the request body) and checks
 * it against the current config, so that a change that could not apply is refused before anyone is
 * asked to approve it. Errors name fields as {@code kind} or {@code payload...}
 * (e.g. {@code payload.rule.splits[1].bps}).
 */
public final class ConfigChangeParser {

    private static final String PAYLOAD = "payload";

    private ConfigChangeParser() {
    }

    /**
     * @param now when the change is checked (requested, or applied after its approval): the rules that hold "now" (an
     *            on-call rotation covering every area) are checked at this time
     */
    public static ParsedChange parse(String kind, JsonNode payload, SeedConfig current, Instant now) {
        ConfigReader reader = new ConfigReader();
        Optional<ConfigChange> change = read(reader, kind, payload, current, now);
        if (change.isEmpty() || !reader.valid()) {
            return new ParsedChange.Invalid(reader.errors());
        }
        return switch (change.get().applyTo(current)) {
            case ConfigOutcome.Valid valid -> new ParsedChange.Valid(change.get());
            case ConfigOutcome.Invalid invalid -> new ParsedChange.Invalid(invalid.errors());
        };
    }

    private static Optional<ConfigChange> read(ConfigReader reader, String kind, JsonNode payload, SeedConfig current, Instant now) {
        if (kind == null) {
            reader.reject("kind", "is required; one of " + ConfigChange.KINDS);
            return Optional.empty();
        }
        return switch (kind) {
            case "treasury.set" -> reader.treasuryWallet(payload, PAYLOAD, Optional.of(chainsOf(current)))
                    .map(ConfigChange.TreasurySet::new);
            case "network.upsert" -> reader.network(payload, PAYLOAD).map(ConfigChange.NetworkUpsert::new);
            case "network.remove" -> reader.object(payload, PAYLOAD, Set.of("chain"))
                    .flatMap(o -> reader.chain(o, PAYLOAD))
                    .map(ConfigChange.NetworkRemove::new);
            case "fee_rule.set" -> reader.object(payload, PAYLOAD, Set.of("id", "rule"))
                    .flatMap(o -> feeRuleSet(reader, o));
            case "roster.set" -> reader.object(payload, PAYLOAD, Set.of("roster"))
                    .flatMap(o -> reader.roster(o.get("roster"), ConfigReader.field(PAYLOAD, "roster")))
                    .map(ConfigChange.RosterSet::new);
            case "exp_rewards.set" -> reader.object(payload, PAYLOAD, Set.of("expRewards"))
                    .flatMap(o -> reader.expRewards(o.get("expRewards"), ConfigReader.field(PAYLOAD, "expRewards")))
                    .map(ConfigChange.ExpRewardsSet::new);
            case "oncall.set" -> reader.object(payload, PAYLOAD, Set.of("onCall"))
                    .flatMap(o -> reader.onCall(o.get("onCall"), ConfigReader.field(PAYLOAD, "onCall"), Optional.of(now)))
                    .map(ConfigChange.OnCallSet::new);
            default -> {
                reader.reject("kind", "must be one of " + ConfigChange.KINDS);
                yield Optional.empty();
            }
        };
    }

    private static Optional<ConfigChange> feeRuleSet(ConfigReader reader, ObjectNode payload) {
        Optional<String> id = reader.text(payload, PAYLOAD, "id", i -> SeedConfig.isRuleId(i) ? Optional.empty()
                : Optional.of("is not a rule id: a lowercase letter, then up to 63 lowercase letters, digits or _"));
        Optional<FeeRule> rule = reader.feeRule(payload.get("rule"), ConfigReader.field(PAYLOAD, "rule"));
        return id.isPresent() && rule.isPresent() ? Optional.of(new ConfigChange.FeeRuleSet(id.get(), rule.get())) : Optional.empty();
    }

    private static Set<Chain> chainsOf(SeedConfig config) {
        return config.networks().stream().map(Network::chain).collect(Collectors.toSet());
    }
}
