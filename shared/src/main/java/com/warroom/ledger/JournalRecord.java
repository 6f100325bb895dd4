package com.warroom.ledger;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.warroom.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A journal entry as the entries table holds it: item {@code journal#<entryId>} / seq 0, written once (its
 * {@code attribute_not_exists} condition is what makes posting the same business event twice a no-op), with its
 * postings as JSON and when it was posted.
 */
record JournalRecord(String key, long seq, String entryId, String at, String cause, String postings, String postedAt) {

    static final String PREFIX = "journal#";

    static JournalRecord of(JournalEntry entry, Instant postedAt) {
        List<Map<String, Object>> legs = entry.postings().stream().map(p -> {
            Map<String, Object> leg = new LinkedHashMap<>();
            leg.put("account", p.account().value());
            leg.put("currency", p.amount().currency());
            leg.put("minor", p.amount().minor());
            return leg;
        }).toList();
        return new JournalRecord(PREFIX + entry.id(), 0, entry.id(), entry.at().toString(), entry.cause(), Json.write(legs),
                postedAt.toString());
    }

    static Key key(String entryId) {
        return Key.builder().partitionValue(PREFIX + entryId).sortValue(0).build();
    }

    static final TableSchema<JournalRecord> SCHEMA = StaticImmutableTableSchema.builder(JournalRecord.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("key").getter(JournalRecord::key).setter(Builder::key).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("seq").getter(JournalRecord::seq).setter(Builder::seq).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("entryId").getter(JournalRecord::entryId).setter(Builder::entryId))
            .addAttribute(String.class, a -> a.name("at").getter(JournalRecord::at).setter(Builder::at))
            .addAttribute(String.class, a -> a.name("cause").getter(JournalRecord::cause).setter(Builder::cause))
            .addAttribute(String.class, a -> a.name("postings").getter(JournalRecord::postings).setter(Builder::postings))
            .addAttribute(String.class, a -> a.name("postedAt").getter(JournalRecord::postedAt).setter(Builder::postedAt))
            .build();

    /** The enhanced client's way to build an immutable item. */
    static final class Builder {
        private String key;
        private long seq;
        private String entryId;
        private String at;
        private String cause;
        private String postings;
        private String postedAt;

        Builder key(String v) { key = v; return this; }
        Builder seq(Long v) { seq = v == null ? 0 : v; return this; }
        Builder entryId(String v) { entryId = v; return this; }
        Builder at(String v) { at = v; return this; }
        Builder cause(String v) { cause = v; return this; }
        Builder postings(String v) { postings = v; return this; }
        Builder postedAt(String v) { postedAt = v; return this; }

        JournalRecord build() {
            return new JournalRecord(key, seq, entryId, at, cause, postings, postedAt);
        }
    }
}
