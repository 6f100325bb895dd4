package com.warroom.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.money.FeeSplit;
import com.warroom.oncall.EscalationStep;
import com.warroom.oncall.OnCallRotation;
import com.warroom.oncall.OnCallSchedule;
import com.warroom.support.TicketPriority;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Map;

/** Writes a config, or one of its parts, in the JSON shape {@link SeedConfigParser} reads back. */
public final class SeedConfigJson {

    private SeedConfigJson() {
    }

    public static ObjectNode write(SeedConfig config) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("version", config.version());
        ArrayNode networks = out.putArray("networks");
        config.networks().forEach(n -> networks.add(network(n)));
        ArrayNode treasury = out.putArray("treasury");
        config.treasury().forEach(w -> treasury.add(treasuryWallet(w)));
        ObjectNode feeRules = out.putObject("feeRules");
        config.feeRules().forEach((id, rule) -> feeRules.set(id, feeRule(rule)));
        ArrayNode roster = out.putArray("roster");
        config.roster().forEach(m -> roster.add(rosterMember(m)));
        if (!config.expRewards().isEmpty()) {
            out.set("expRewards", expRewards(config.expRewards()));
        }
        config.onCall().ifPresent(onCall -> out.set("onCall", onCall(onCall)));
        return out;
    }

    /** Sorted keys, no whitespace: the text a snapshot's hash is taken over. */
    public static String canonical(SeedConfig config) {
        return Json.canonical(write(config));
    }

    public static ObjectNode network(Network network) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("chain", network.chain().key());
        out.put("name", network.name());
        out.put("rpcSecretName", network.rpcSecretName());
        out.put("nativeAsset", network.nativeAsset());
        return out;
    }

    public static ObjectNode treasuryWallet(TreasuryWallet wallet) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("chain", wallet.chain().key());
        out.put("asset", wallet.asset());
        out.put("address", wallet.address());
        return out;
    }

    public static ObjectNode feeRule(FeeRule rule) {
        ObjectNode out = Json.mapper().createObjectNode();
        switch (rule) {
            case FeeRule.Percentage p -> {
                out.put("kind", "percentage");
                out.put("rateBps", p.rateBps());
            }
            case FeeRule.Flat f -> {
                out.put("kind", "flat");
                ObjectNode amount = out.putObject("amount");
                amount.put("currency", f.amount().currency());
                amount.put("minor", f.amount().minor());
            }
        }
        out.set("splits", splits(rule.splits()));
        return out;
    }

    public static ObjectNode rosterMember(RosterMember member) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("email", member.email());
        member.sub().ifPresent(sub -> out.put("sub", sub));
        ArrayNode roles = out.putArray("roles");
        member.roles().stream().map(Role::claimValue).forEach(roles::add);
        return out;
    }

    /** {@code {"CRITICAL": 500, "HIGH": 200, ...}}, most urgent first. */
    public static ObjectNode expRewards(Map<TicketPriority, Long> rewards) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (TicketPriority priority : TicketPriority.values()) {
            Long exp = rewards.get(priority);
            if (exp != null) {
                out.put(priority.name(), exp);
            }
        }
        return out;
    }

    /** The on-call section: its time zone, the rotations by area and start, the escalation steps in order. */
    public static ObjectNode onCall(OnCallSchedule onCall) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("timeZone", onCall.zone().getId());
        ArrayNode rotations = out.putArray("rotations");
        onCall.rotations().forEach(r -> rotations.add(rotation(r)));
        ArrayNode escalation = out.putArray("escalation");
        onCall.escalation().forEach(step -> escalation.add(escalationStep(step)));
        return out;
    }

    public static ObjectNode rotation(OnCallRotation rotation) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("area", rotation.area().wireName());
        out.put("primary", rotation.primary());
        out.put("backup", rotation.backup());
        out.put("from", rotation.from().toString());
        rotation.to().ifPresent(to -> out.put("to", to.toString()));
        return out;
    }

    public static ObjectNode escalationStep(EscalationStep step) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("afterMinutes", step.afterMinutes());
        out.put("call", step.call());
        return out;
    }

    private static ArrayNode splits(List<FeeSplit> splits) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (FeeSplit split : splits) {
            ObjectNode s = out.addObject();
            s.put("to", split.to().wireName());
            s.put("bps", split.bps());
        }
        return out;
    }
}
