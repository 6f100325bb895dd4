package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.topology.TableDef;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The aggregate of a scanning check: per subject (an account, a round, a payout id...), named sums, maxima, texts and
 * sets of ids. Every way two tallies merge is associative and commutative (sums add, maxima keep the larger, texts keep
 * the smaller, sets unite), so segments may merge in any order and give the same tally.
 */
final class Tally implements Aggregate {

    /** What a check keeps of one scanned item. */
    @FunctionalInterface
    interface Folder {
        void fold(TableDef table, Map<String, AttributeValue> item, Tally into);
    }

    private static final String SUMS = "sums";
    private static final String MAXES = "maxes";
    private static final String TEXTS = "texts";
    private static final String SETS = "sets";

    private final Folder folder;
    private final TreeMap<String, TreeMap<String, Long>> sums = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Long>> maxes = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, String>> texts = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, TreeSet<String>>> sets = new TreeMap<>();

    Tally(Folder folder) {
        this.folder = folder;
    }

    /** A tally stored by {@link #toJson()}, to merge and compare (it folds nothing more). */
    static Tally read(JsonNode json) {
        Tally tally = new Tally((table, item, into) -> {
            throw new IllegalStateException("a tally read back from a segment folds no more items");
        });
        json.path(SUMS).properties().forEach(s -> s.getValue().properties()
                .forEach(f -> tally.add(s.getKey(), f.getKey(), f.getValue().longValue())));
        json.path(MAXES).properties().forEach(s -> s.getValue().properties()
                .forEach(f -> tally.max(s.getKey(), f.getKey(), f.getValue().longValue())));
        json.path(TEXTS).properties().forEach(s -> s.getValue().properties()
                .forEach(f -> tally.text(s.getKey(), f.getKey(), f.getValue().textValue())));
        json.path(SETS).properties().forEach(s -> s.getValue().properties()
                .forEach(f -> f.getValue().forEach(m -> tally.member(s.getKey(), f.getKey(), m.textValue()))));
        return tally;
    }

    @Override
    public void fold(TableDef table, Map<String, AttributeValue> item) {
        folder.fold(table, item, this);
    }

    @Override
    public void merge(Aggregate other) {
        Tally that = (Tally) other;
        that.sums.forEach((s, fields) -> fields.forEach((f, v) -> add(s, f, v)));
        that.maxes.forEach((s, fields) -> fields.forEach((f, v) -> max(s, f, v)));
        that.texts.forEach((s, fields) -> fields.forEach((f, v) -> text(s, f, v)));
        that.sets.forEach((s, fields) -> fields.forEach((f, v) -> v.forEach(m -> member(s, f, m))));
    }

    @Override
    public JsonNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set(SUMS, Json.mapper().valueToTree(sums));
        root.set(MAXES, Json.mapper().valueToTree(maxes));
        root.set(TEXTS, Json.mapper().valueToTree(texts));
        root.set(SETS, Json.mapper().valueToTree(sets));
        return root;
    }

    void add(String subject, String field, long value) {
        sums.computeIfAbsent(subject, s -> new TreeMap<>()).merge(field, value, Math::addExact);
    }

    void max(String subject, String field, long value) {
        maxes.computeIfAbsent(subject, s -> new TreeMap<>()).merge(field, value, Math::max);
    }

    void text(String subject, String field, String value) {
        if (value != null) {
            texts.computeIfAbsent(subject, s -> new TreeMap<>()).merge(field, value, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
    }

    void member(String subject, String field, String value) {
        sets.computeIfAbsent(subject, s -> new TreeMap<>()).computeIfAbsent(field, f -> new TreeSet<>()).add(value);
    }

    long sum(String subject, String field) {
        return sums.getOrDefault(subject, new TreeMap<>()).getOrDefault(field, 0L);
    }

    boolean has(String subject, String field) {
        return sums.containsKey(subject) && sums.get(subject).containsKey(field);
    }

    OptionalLong max(String subject, String field) {
        Long value = maxes.getOrDefault(subject, new TreeMap<>()).get(field);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    Optional<String> text(String subject, String field) {
        return Optional.ofNullable(texts.getOrDefault(subject, new TreeMap<>()).get(field));
    }

    Set<String> members(String subject, String field) {
        return sets.getOrDefault(subject, new TreeMap<>()).getOrDefault(field, new TreeSet<>());
    }

    /** Every field name of {@code subject}'s sums. */
    Set<String> sumFields(String subject) {
        return sums.getOrDefault(subject, new TreeMap<>()).keySet();
    }

    /** Every subject with anything, sorted, whose name starts with {@code prefix}. */
    Set<String> subjects(String prefix) {
        TreeSet<String> all = new TreeSet<>();
        all.addAll(sums.keySet());
        all.addAll(maxes.keySet());
        all.addAll(texts.keySet());
        all.addAll(sets.keySet());
        all.removeIf(s -> !s.startsWith(prefix));
        return all;
    }
}
