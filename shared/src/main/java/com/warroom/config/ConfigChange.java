package com.warroom.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.oncall.OnCallSchedule;
import com.warroom.support.TicketPriority;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to the config, requested by one person and applied only after a second approves it.
 * Payloads use the config's own shapes (see {@link SeedConfig}):
 * <ul>
 *   <li>{@code treasury.set} — a treasury entry {@code {"chain","asset","address"}}; sets or replaces that chain and asset's wallet
 *   <li>{@code network.upsert} — a network entry {@code {"chain","name","rpcSecretName","nativeAsset"}}
 *   <li>{@code network.remove} — {@code {"chain"}}; refused while treasury wallets use the chain
 *   <li>{@code fee_rule.set} — {@code {"id": "<rule id>", "rule": {<fee rule>}}}
 *   <li>{@code roster.set} — {@code {"roster": [<members>]}}: the whole new roster
 *   <li>{@code exp_rewards.set} — {@code {"expRewards": {"CRITICAL": 500, "HIGH": 200, "MEDIUM": 100, "LOW": 50}}}: the
 *       EXP per ticket priority, every priority named
 *   <li>{@code oncall.set} — {@code {"onCall": {<on-call section>}}}: the whole new on-call roster and escalation tree;
 *       every area must have a rotation covering the time the change is checked (requested, and again applied)
 * </ul>
 * Parse one with {@link ConfigChangeParser}.
 */
public sealed interface ConfigChange {

    List<String> KINDS = List.of("treasury.set", "network.upsert", "network.remove", "fee_rule.set", "roster.set", "exp_rewards.set",
            "oncall.set");

    String kind();

    /** The payload as the config writes it, whatever spacing or key order the request used. */
    ObjectNode payload();

    /** The payload's canonical JSON, over which an approval's payload hash is taken. */
    default String canonicalPayload() {
        return Json.canonical(payload());
    }

    /**
     * The next config: this change on {@code current}, at the next version; or why it cannot apply to
     * {@code current} (errors under {@code payload}, or under the config's own paths for a rule only
     * the whole next config can break). Applying checks again, because the config may have changed
     * between the request and its approval.
     */
    ConfigOutcome applyTo(SeedConfig current);

    record TreasurySet(TreasuryWallet wallet) implements ConfigChange {
        public TreasurySet {
            Objects.requireNonNull(wallet, "wallet");
        }

        @Override
        public String kind() {
            return "treasury.set";
        }

        @Override
        public ObjectNode payload() {
            return SeedConfigJson.treasuryWallet(wallet);
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            if (!current.supports(wallet.chain())) {
                return NextVersion.refused("payload.chain", wallet.chain().key() + " is not a supported network");
            }
            List<TreasuryWallet> treasury = new ArrayList<>(current.treasury());
            int existing = indexOf(treasury, wallet);
            if (existing >= 0) {
                treasury.set(existing, wallet);
            } else {
                treasury.add(wallet);
            }
            return NextVersion.of(current, new SeedConfig(current.version(), current.networks(), treasury,
                    current.feeRules(), current.roster(), current.expRewards(), current.onCall()));
        }

        private static int indexOf(List<TreasuryWallet> treasury, TreasuryWallet wallet) {
            for (int i = 0; i < treasury.size(); i++) {
                if (treasury.get(i).chain().equals(wallet.chain()) && treasury.get(i).asset().equals(wallet.asset())) {
                    return i;
                }
            }
            return -1;
        }
    }

    record NetworkUpsert(Network network) implements ConfigChange {
        public NetworkUpsert {
            Objects.requireNonNull(network, "network");
        }

        @Override
        public String kind() {
            return "network.upsert";
        }

        @Override
        public ObjectNode payload() {
            return SeedConfigJson.network(network);
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            List<Network> networks = new ArrayList<>(current.networks());
            networks.replaceAll(n -> n.chain().equals(network.chain()) ? network : n);
            if (!networks.contains(network)) {
                networks.add(network);
            }
            return NextVersion.of(current, new SeedConfig(current.version(), networks, current.treasury(),
                    current.feeRules(), current.roster(), current.expRewards(), current.onCall()));
        }
    }

    record NetworkRemove(Chain chain) implements ConfigChange {
        public NetworkRemove {
            Objects.requireNonNull(chain, "chain");
        }

        @Override
        public String kind() {
            return "network.remove";
        }

        @Override
        public ObjectNode payload() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("chain", chain.key());
            return out;
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            if (!current.supports(chain)) {
                return NextVersion.refused("payload.chain", chain.key() + " is not a supported network");
            }
            List<String> assets = current.treasury().stream().filter(w -> w.chain().equals(chain)).map(TreasuryWallet::asset).toList();
            if (!assets.isEmpty()) {
                return NextVersion.refused("payload.chain", chain.key() + " still has treasury wallets for " + assets
                        + "; a network that holds treasury wallets cannot be removed");
            }
            if (current.networks().size() == 1) {
                return NextVersion.refused("payload.chain", chain.key() + " is the only network; the config needs at least one");
            }
            List<Network> networks = current.networks().stream().filter(n -> !n.chain().equals(chain)).toList();
            return NextVersion.of(current, new SeedConfig(current.version(), networks, current.treasury(),
                    current.feeRules(), current.roster(), current.expRewards(), current.onCall()));
        }
    }

    record FeeRuleSet(String id, FeeRule rule) implements ConfigChange {
        public FeeRuleSet {
            if (!SeedConfig.isRuleId(id)) {
                throw new IllegalArgumentException("not a fee rule id: " + id);
            }
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String kind() {
            return "fee_rule.set";
        }

        @Override
        public ObjectNode payload() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("id", id);
            out.set("rule", SeedConfigJson.feeRule(rule));
            return out;
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            Map<String, FeeRule> rules = new HashMap<>(current.feeRules());
            rules.put(id, rule);
            return NextVersion.of(current, new SeedConfig(current.version(), current.networks(), current.treasury(),
                    rules, current.roster(), current.expRewards(), current.onCall()));
        }
    }

    record RosterSet(List<RosterMember> roster) implements ConfigChange {
        public RosterSet {
            roster = List.copyOf(roster);
        }

        @Override
        public String kind() {
            return "roster.set";
        }

        @Override
        public ObjectNode payload() {
            ObjectNode out = Json.mapper().createObjectNode();
            ArrayNode members = out.putArray("roster");
            roster.forEach(m -> members.add(SeedConfigJson.rosterMember(m)));
            return out;
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            return NextVersion.of(current, new SeedConfig(current.version(), current.networks(), current.treasury(),
                    current.feeRules(), roster, current.expRewards(), current.onCall()));
        }
    }

    record ExpRewardsSet(Map<TicketPriority, Long> expRewards) implements ConfigChange {
        public ExpRewardsSet {
            expRewards = Collections.unmodifiableMap(new EnumMap<>(expRewards));
        }

        @Override
        public String kind() {
            return "exp_rewards.set";
        }

        @Override
        public ObjectNode payload() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.set("expRewards", SeedConfigJson.expRewards(expRewards));
            return out;
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            return NextVersion.of(current, new SeedConfig(current.version(), current.networks(), current.treasury(),
                    current.feeRules(), current.roster(), expRewards, current.onCall()));
        }
    }

    record OnCallSet(OnCallSchedule onCall) implements ConfigChange {
        public OnCallSet {
            Objects.requireNonNull(onCall, "onCall");
        }

        @Override
        public String kind() {
            return "oncall.set";
        }

        @Override
        public ObjectNode payload() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.set("onCall", SeedConfigJson.onCall(onCall));
            return out;
        }

        @Override
        public ConfigOutcome applyTo(SeedConfig current) {
            return NextVersion.of(current, new SeedConfig(current.version(), current.networks(), current.treasury(),
                    current.feeRules(), current.roster(), current.expRewards(), Optional.of(onCall)));
        }
    }
}
