package com.warroom.incidents;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One append-only entry of an incident's timeline (item {@code timeline#} and the ten-digit {@code seq}): what happened,
 * who did it, when. Written once with {@code attribute_not_exists}, in the transaction of the incident write that
 * counted it. {@code toStatus} is the status a STATUS entry moved to; {@code sha256} the hash an EVIDENCE entry records.
 */
public record TimelineEntry(String incidentId, String item, long seq, String at, String actor, String kind, String text,
                            String toStatus, String sha256) {

    public static final String ITEM_PREFIX = "timeline#";

    /** What a timeline entry records. */
    public enum Kind {
        DECLARED, STATUS, NOTE, LINK, FLAG_CHANGE, EVIDENCE, POSTMORTEM, OVERDUE
    }

    public static final TableSchema<TimelineEntry> SCHEMA = StaticImmutableTableSchema.builder(TimelineEntry.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("incidentId").getter(TimelineEntry::incidentId).setter(Builder::incidentId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("item").getter(TimelineEntry::item).setter(Builder::item).tags(primarySortKey()))
            .addAttribute(Long.class, a -> a.name("seq").getter(TimelineEntry::seq).setter(Builder::seq))
            .addAttribute(String.class, a -> a.name("at").getter(TimelineEntry::at).setter(Builder::at))
            .addAttribute(String.class, a -> a.name("actor").getter(TimelineEntry::actor).setter(Builder::actor))
            .addAttribute(String.class, a -> a.name("kind").getter(TimelineEntry::kind).setter(Builder::kind))
            .addAttribute(String.class, a -> a.name("text").getter(TimelineEntry::text).setter(Builder::text))
            .addAttribute(String.class, a -> a.name("toStatus").getter(TimelineEntry::toStatus).setter(Builder::toStatus))
            .addAttribute(String.class, a -> a.name("sha256").getter(TimelineEntry::sha256).setter(Builder::sha256))
            .build();

    /** A draft: what an entry says, before the write that numbers it. */
    public record Draft(Kind kind, String actor, Instant at, String text, String toStatus, String sha256) {
        public static Draft of(Kind kind, String actor, Instant at, String text) {
            return new Draft(kind, actor, at, text, null, null);
        }

        public TimelineEntry numbered(String incidentId, long seq) {
            return new TimelineEntry(incidentId, ITEM_PREFIX + String.format(Locale.ROOT, "%010d", seq), seq, SortableTime.format(at),
                    actor, kind.name(), text, toStatus, sha256);
        }
    }

    /** The entry as the API answers it. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seq", seq);
        view.put("at", at);
        view.put("actor", actor);
        view.put("kind", kind);
        view.put("text", text);
        if (toStatus != null) {
            view.put("status", toStatus);
        }
        if (sha256 != null) {
            view.put("sha256", sha256);
        }
        return view;
    }

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String incidentId;
        private String item;
        private long seq;
        private String at;
        private String actor;
        private String kind;
        private String text;
        private String toStatus;
        private String sha256;

        public Builder incidentId(String v) { incidentId = v; return this; }
        public Builder item(String v) { item = v; return this; }
        public Builder seq(Long v) { seq = v == null ? 0 : v; return this; }
        public Builder at(String v) { at = v; return this; }
        public Builder actor(String v) { actor = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder toStatus(String v) { toStatus = v; return this; }
        public Builder sha256(String v) { sha256 = v; return this; }

        public TimelineEntry build() {
            return new TimelineEntry(incidentId, item, seq, at, actor, kind, text, toStatus, sha256);
        }
    }
}
