package com.warroom.incidents;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An incident as the {@code incidents} table keeps it (item {@code incident}): the attributes the indexes and other
 * readers use (the SLO report reads {@code incidentId}, {@code title}, {@code severity}, {@code status},
 * {@code detectedAt}, {@code resolvedAt} through byDetected) at the top level, the rest of the incident as JSON in
 * {@code doc}, and its links as a JSON array in {@code links} (written by the incident routes and by the kill switch).
 * {@code version} grows with every write (each conditional on the one read); {@code timelineSeq} is the number of the
 * last timeline entry.
 */
public record IncidentItem(String incidentId, String item, String listKey, String status, String severity, String title,
                           String detectedAt, String resolvedAt, String doc, String links, long version, long timelineSeq) {

    public static final String ITEM = "incident";
    public static final String LIST_KEY = "incident";
    /** {@code inc-} and 32 hex digits. */
    public static final Pattern ID = Pattern.compile("inc-[0-9a-f]{32}");
    /** Every incident by detection time ({@code listKey} is always {@code incident}), and by status. */
    public static final String BY_DETECTED = "byDetected";
    public static final String BY_STATUS = "byStatus";
    public static final String ID_RULE = "must be an incident id: inc- and 32 hex digits";

    public static final TableSchema<IncidentItem> SCHEMA = StaticImmutableTableSchema.builder(IncidentItem.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("incidentId").getter(IncidentItem::incidentId).setter(Builder::incidentId)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("item").getter(IncidentItem::item).setter(Builder::item).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("listKey").getter(IncidentItem::listKey).setter(Builder::listKey)
                    .tags(secondaryPartitionKey(BY_DETECTED)))
            .addAttribute(String.class, a -> a.name("status").getter(IncidentItem::status).setter(Builder::status)
                    .tags(secondaryPartitionKey(BY_STATUS)))
            .addAttribute(String.class, a -> a.name("severity").getter(IncidentItem::severity).setter(Builder::severity))
            .addAttribute(String.class, a -> a.name("title").getter(IncidentItem::title).setter(Builder::title))
            .addAttribute(String.class, a -> a.name("detectedAt").getter(IncidentItem::detectedAt).setter(Builder::detectedAt)
                    .tags(secondarySortKey(java.util.List.of(BY_DETECTED, BY_STATUS))))
            .addAttribute(String.class, a -> a.name("resolvedAt").getter(IncidentItem::resolvedAt).setter(Builder::resolvedAt))
            .addAttribute(String.class, a -> a.name("doc").getter(IncidentItem::doc).setter(Builder::doc))
            .addAttribute(String.class, a -> a.name("links").getter(IncidentItem::links).setter(Builder::links))
            .addAttribute(Long.class, a -> a.name("version").getter(IncidentItem::version).setter(Builder::version))
            .addAttribute(Long.class, a -> a.name("timelineSeq").getter(IncidentItem::timelineSeq).setter(Builder::timelineSeq))
            .build();

    /** This item as the next write makes it: one version on, with {@code entries} more timeline entries. */
    public IncidentItem next(String nextDoc, String nextLinks, int entries) {
        return new IncidentItem(incidentId, item, listKey, status, severity, title, detectedAt, resolvedAt, nextDoc, nextLinks,
                version + 1, timelineSeq + entries);
    }

    /** The enhanced client's way to build an immutable item. */
    public static final class Builder {
        private String incidentId;
        private String item;
        private String listKey;
        private String status;
        private String severity;
        private String title;
        private String detectedAt;
        private String resolvedAt;
        private String doc;
        private String links;
        private long version;
        private long timelineSeq;

        public Builder incidentId(String v) { incidentId = v; return this; }
        public Builder item(String v) { item = v; return this; }
        public Builder listKey(String v) { listKey = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder severity(String v) { severity = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder detectedAt(String v) { detectedAt = v; return this; }
        public Builder resolvedAt(String v) { resolvedAt = v; return this; }
        public Builder doc(String v) { doc = v; return this; }
        public Builder links(String v) { links = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder timelineSeq(Long v) { timelineSeq = v == null ? 0 : v; return this; }

        public IncidentItem build() {
            return new IncidentItem(incidentId, item, listKey, status, severity, title, detectedAt, resolvedAt, doc, links, version,
                    timelineSeq);
        }
    }
}
