package com.warroom.incidents.store;

import com.warroom.aws.TransactionRace;
import com.warroom.incidents.IncidentItem;
import com.warroom.incidents.IncidentJournal;
import com.warroom.incidents.TimelineEntry;
import com.warroom.incidents.model.Incident;
import com.warroom.incidents.model.IncidentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The {@code incidents} table for the incident routes and the keeper: incidents (with their timelines) through the
 * {@link IncidentJournal} every writer of an incident shares, and the listings through byDetected and byStatus, newest
 * first.
 */
public final class IncidentStore {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 25;

    private final DynamoDbEnhancedClient enhanced;
    private final IncidentJournal journal;
    private final DynamoDbIndex<IncidentItem> byDetected;
    private final DynamoDbIndex<IncidentItem> byStatus;

    public IncidentStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.journal = new IncidentJournal(enhanced, tableName);
        DynamoDbTable<IncidentItem> table = enhanced.table(tableName, IncidentItem.SCHEMA);
        this.byDetected = table.index(IncidentItem.BY_DETECTED);
        this.byStatus = table.index(IncidentItem.BY_STATUS);
    }

    public Optional<Incident> find(String incidentId) {
        return journal.find(incidentId).map(IncidentItems::incident);
    }

    public List<TimelineEntry> timeline(String incidentId) {
        return journal.timeline(incidentId);
    }

    /**
     * The writes of {@code next} (decided from the incident at {@code next}'s version; a new incident at version 0)
     * with {@code drafts} as its next timeline entries, for one transaction.
     */
    public List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes(Incident next, List<TimelineEntry.Draft> drafts) {
        return journal.writes(IncidentItems.item(next, drafts.size()), drafts);
    }

    /**
     * Writes a change that is not a staff action (the keeper's): false when the incident moved meanwhile (the caller
     * decides again from a fresh read, or leaves it to its next round).
     */
    public boolean write(Incident next, List<TimelineEntry.Draft> drafts) {
        var request = TransactWriteItemsEnhancedRequest.builder();
        writes(next, drafts).forEach(w -> w.accept(request));
        try {
            enhanced.transactWriteItems(request.build());
            return true;
        } catch (TransactionCanceledException e) {
            if (!TransactionRace.lost(e)) {
                throw e;
            }
            return false;
        }
    }

    /** One page of a listing and where the next starts. */
    public record Listing(List<Incident> items, Optional<String> nextCursor) {
    }

    /** Whether {@code cursor} belongs to the listing of {@code status}. */
    public boolean acceptsCursor(Optional<IncidentStatus> status, String cursor) {
        return IncidentCursor.decode(cursor, status).isPresent();
    }

    /** Up to {@code limit} incidents, newest detected first, of {@code status} or all, from {@code cursor} or the start. */
    public Listing page(Optional<IncidentStatus> status, int limit, Optional<String> cursor) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder().scanIndexForward(false).limit(limit)
                .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(status.map(Enum::name).orElse(IncidentItem.LIST_KEY)).build()));
        cursor.map(text -> IncidentCursor.decode(text, status).orElseThrow(() -> new IllegalArgumentException("not a cursor of this listing")))
                .ifPresent(query::exclusiveStartKey);
        Page<IncidentItem> page = index(status).query(query.build()).iterator().next();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new Listing(page.items().stream().map(IncidentItems::incident).toList(),
                last == null || last.isEmpty() ? Optional.empty() : Optional.of(IncidentCursor.encode(last, status)));
    }

    /** Every incident of {@code status}. */
    public List<Incident> all(IncidentStatus status) {
        List<Incident> incidents = new ArrayList<>();
        SdkIterable<Page<IncidentItem>> pages = byStatus.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(status.name()).build())).build());
        pages.forEach(page -> page.items().forEach(item -> incidents.add(IncidentItems.incident(item))));
        return incidents;
    }

    private DynamoDbIndex<IncidentItem> index(Optional<IncidentStatus> status) {
        return status.isPresent() ? byStatus : byDetected;
    }
}
