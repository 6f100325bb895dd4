package com.warroom.incidents;

import com.warroom.aws.Settings;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code incidents} table as every writer of an incident uses it (the incident routes, the incident keeper, and the
 * kill-switch route when a change names an incident): an incident write is conditional on the version it was decided
 * from (or on the incident not existing yet) and carries its new timeline entries, numbered after the incident's last,
 * each written once. The writes go into the caller's transaction (with its audit entry, or its flag change).
 */
public final class IncidentJournal {

    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(incidentId)").build();

    private final DynamoDbTable<IncidentItem> incidents;
    private final DynamoDbTable<TimelineEntry> timeline;

    public IncidentJournal(DynamoDbEnhancedClient client, String tableName) {
        this.incidents = client.table(tableName, IncidentItem.SCHEMA);
        this.timeline = client.table(tableName, TimelineEntry.SCHEMA);
    }

    /** Over the table named in {@code WARROOM_TABLE_INCIDENTS}. */
    public static IncidentJournal fromSettings(DynamoDbEnhancedClient client) {
        return new IncidentJournal(client, Settings.require(Topology.INCIDENTS.envVar()));
    }

    /** The incident item, read strongly consistent. */
    public Optional<IncidentItem> find(String incidentId) {
        return Optional.ofNullable(incidents.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(incidentId).sortValue(IncidentItem.ITEM).build()).consistentRead(true).build()));
    }

    /** The incident's timeline, oldest first, read strongly consistent. */
    public List<TimelineEntry> timeline(String incidentId) {
        List<TimelineEntry> entries = new ArrayList<>();
        timeline.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(incidentId)
                                .sortValue(TimelineEntry.ITEM_PREFIX).build()))
                        .consistentRead(true).build())
                .items().forEach(entries::add);
        return entries;
    }

    /**
     * The writes of {@code next} with {@code drafts} as its next timeline entries: conditional on the incident being at
     * the version before {@code next}'s (on its not existing when {@code next} is version 1); {@code next} counts the
     * entries (its {@code timelineSeq} is the one it was decided from plus their number).
     */
    public List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes(IncidentItem next, List<TimelineEntry.Draft> drafts) {
        long fromVersion = next.version() - 1;
        long fromSeq = next.timelineSeq() - drafts.size();
        if (fromVersion < 0 || fromSeq < 0) {
            throw new IllegalArgumentException("incident " + next.incidentId() + ": version " + next.version() + " and "
                    + drafts.size() + " entries up to " + next.timelineSeq() + " do not follow a stored incident");
        }
        Expression condition = fromVersion == 0 ? NEW_ITEM : Expression.builder().expression("version = :version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(fromVersion))).build();
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        writes.add(request -> request.addPutItem(incidents, TransactPutItemEnhancedRequest.builder(IncidentItem.class)
                .item(next).conditionExpression(condition).build()));
        for (int i = 0; i < drafts.size(); i++) {
            TimelineEntry entry = drafts.get(i).numbered(next.incidentId(), fromSeq + i + 1);
            writes.add(request -> request.addPutItem(timeline, TransactPutItemEnhancedRequest.builder(TimelineEntry.class)
                    .item(entry).conditionExpression(NEW_ITEM).build()));
        }
        return writes;
    }

    /**
     * The writes that record a kill-switch change on {@code current}: a FLAG_CHANGE timeline entry and a {@code flag}
     * link (once per flag and scope), for the transaction of the flag change itself.
     */
    public List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> flagChange(IncidentItem current, IncidentLink link,
                                                                               TimelineEntry.Draft entry) {
        return writes(current.next(current.doc(), IncidentLink.with(current.links(), link), 1), List.of(entry));
    }
}
