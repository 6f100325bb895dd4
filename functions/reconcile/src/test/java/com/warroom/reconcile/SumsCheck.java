package com.warroom.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Action;
import com.warroom.reconcile.check.Aggregate;
import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.check.FindingDraft;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.check.RunContext;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A check written for these tests: sums {@code amountMinor} of the {@code rounds} items whose round id starts with its
 * prefix, per round, and compares each sum with what the test says it should be ({@link #expect}). A round whose sum
 * differs is a HIGH finding (subject: the round); a round summed but not expected is a LOW one.
 */
public final class SumsCheck implements Check {

    private final String name;
    private final String prefix;
    private final Map<String, Long> expected = new ConcurrentHashMap<>();

    public SumsCheck(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
    }

    public void expect(String roundId, long minor) {
        expected.put(roundId, minor);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<TableDef> scans() {
        return List.of(Topology.ROUNDS);
    }

    @Override
    public Aggregate newAggregate() {
        return new Sums(new TreeMap<>());
    }

    @Override
    public Aggregate readAggregate(JsonNode json) {
        Map<String, Long> sums = new TreeMap<>();
        json.fields().forEachRemaining(e -> sums.put(e.getKey(), e.getValue().asLong()));
        return new Sums(sums);
    }

    @Override
    public List<FindingDraft> compare(Aggregate merged, RunContext run) {
        Map<String, Long> sums = ((Sums) merged).sums;
        List<FindingDraft> found = new ArrayList<>();
        expected.forEach((round, want) -> {
            long got = sums.getOrDefault(round, 0L);
            if (got != want) {
                found.add(new FindingDraft(name, "round " + round, Long.toString(want), Long.toString(got), Long.toString(got - want),
                        Risk.HIGH, Action.ESCALATE, "#reconcile-" + name));
            }
        });
        sums.forEach((round, got) -> {
            if (!expected.containsKey(round)) {
                found.add(new FindingDraft(name, "round " + round, "no round", Long.toString(got), Long.toString(got), Risk.LOW,
                        Action.MANUAL_REVIEW, "#reconcile-" + name));
            }
        });
        return found;
    }

    private final class Sums implements Aggregate {
        private final Map<String, Long> sums;

        private Sums(Map<String, Long> sums) {
            this.sums = sums;
        }

        @Override
        public void fold(TableDef table, Map<String, AttributeValue> item) {
            String round = item.get("roundId").s();
            if (round.startsWith(prefix) && item.containsKey("amountMinor")) {
                sums.merge(round, Long.parseLong(item.get("amountMinor").n()), Long::sum);
            }
        }

        @Override
        public void merge(Aggregate other) {
            ((Sums) other).sums.forEach((round, sum) -> sums.merge(round, sum, Long::sum));
        }

        @Override
        public JsonNode toJson() {
            ObjectNode json = Json.mapper().createObjectNode();
            sums.forEach(json::put);
            return json;
        }
    }
}
