package com.warroom.support.tickets.store;

import com.warroom.aws.TransactionRace;
import com.warroom.support.tickets.HistoryEntry;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The {@code tickets} table: each ticket item and its append-only history under the same {@code ticketId}. Every write
 * of
 * a ticket is conditional on the version it was decided from (or on its not existing yet), and goes in one transaction
 * with the history items it adds (and, for staff, the audit entry: see {@link #writes}).
 */
public final class TicketStore {

    /** Index reads one page of a listing may make before it answers with what it has and a cursor. */
    static final int MAX_QUERIES_PER_PAGE = 10;
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final DynamoDbEnhancedClient enhanced;
    private final String table;
    private final DynamoDbTable<EnhancedDocument> documents;

    public TicketStore(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, String table) {
        this.dynamo = dynamo;
        this.enhanced = enhanced;
        this.table = table;
        this.documents = enhanced.table(table, TableSchema.documentSchemaBuilder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), "ticketId", AttributeValueType.S)
                .addIndexSortKey(TableMetadata.primaryIndexName(), "item", AttributeValueType.S)
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .build());
    }

    public Optional<Ticket> find(String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("ticketId", TicketItems.s(ticketId), "item", TicketItems.s(TicketItems.TICKET_ITEM)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TicketItems.ticket(item));
    }

    /** The ticket's history, oldest first: in the order of the ticket writes that added each entry. */
    public List<HistoryEntry> history(String ticketId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("ticketId = :id")
                        .expressionAttributeValues(Map.of(":id", TicketItems.s(ticketId))))
                .items().forEach(item -> {
                    if (!TicketItems.TICKET_ITEM.equals(item.get("item").s())) {
                        items.add(item);
                    }
                });
        items.sort(Comparator.<Map<String, AttributeValue>>comparingLong(item -> Long.parseLong(item.get("ticketVersion").n()))
                .thenComparing(item -> item.get("item").s()));
        return items.stream().map(TicketItems::history).toList();
    }

    /**
     * The writes of a change, for a transaction: {@code next} over the ticket as it was at {@code fromVersion} (a new
     * ticket when empty), and each history entry once.
     */
    public List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes(Optional<Long> fromVersion, Ticket next,
                                                                           List<HistoryEntry> entries) {
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        Expression condition = fromVersion.map(v -> Expression.builder().expression("version = :version")
                        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(v))).build())
                .orElse(Expression.builder().expression("attribute_not_exists(ticketId)").build());
        writes.add(put(TicketItems.item(next), condition));
        for (HistoryEntry entry : entries) {
            writes.add(put(TicketItems.item(entry, next.version()), Expression.builder().expression("attribute_not_exists(ticketId)").build()));
        }
        return writes;
    }

    private Consumer<TransactWriteItemsEnhancedRequest.Builder> put(Map<String, AttributeValue> item, Expression condition) {
        return request -> request.addPutItem(documents, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(EnhancedDocument.fromAttributeValueMap(item)).conditionExpression(condition).build());
    }

    /** What a change decided from the stored ticket: the next ticket and its history, or nothing to write. */
    public sealed interface Step {
        record Write(Ticket next, List<HistoryEntry> entries) implements Step {
        }

        record Stop() implements Step {
        }
    }

    /** How a {@link #change} went: written, stopped by its decision (the ticket as stored), or no such ticket. */
    public sealed interface Changed {
        record Written(Ticket ticket) implements Changed {
        }

        record Stopped(Ticket ticket) implements Changed {
        }

        record Missing() implements Changed {
        }
    }

    /**
     * A change that is not a staff action (the user's confirmation, the keeper, the grant's record): decided from the
     * stored ticket, written if it is still at that version, decided again when it moved meanwhile.
     */
    public Changed change(String ticketId, Function<Ticket, Step> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Ticket> current = find(ticketId);
            if (current.isEmpty()) {
                return new Changed.Missing();
            }
            switch (decide.apply(current.get())) {
                case Step.Stop stop -> {
                    return new Changed.Stopped(current.get());
                }
                case Step.Write write -> {
                    var request = TransactWriteItemsEnhancedRequest.builder();
                    writes(Optional.of(current.get().version()), write.next(), write.entries()).forEach(w -> w.accept(request));
                    try {
                        enhanced.transactWriteItems(request.build());
                        return new Changed.Written(write.next());
                    } catch (TransactionCanceledException e) {
                        if (!TransactionRace.lost(e)) {
                            throw e;
                        }
                        TransactionRace.backOff(attempt, 200);
                    }
                }
            }
        }
        throw new IllegalStateException("ticket " + ticketId + " kept changing; try again");
    }

    /** Files a new ticket with its first history entry (not a staff action: the platform's, for its user). */
    public void create(Ticket ticket, HistoryEntry created) {
        var request = TransactWriteItemsEnhancedRequest.builder();
        writes(Optional.empty(), ticket, List.of(created)).forEach(w -> w.accept(request));
        enhanced.transactWriteItems(request.build());
    }

    /** One page of a listing and where the next starts. */
    public record Page(List<Ticket> items, Optional<String> nextCursor) {
    }

    /** Whether {@code cursor} belongs to {@code query}'s listing. */
    public boolean acceptsCursor(TicketQuery query, String cursor) {
        return TicketCursor.decode(cursor, new Listing(query)).isPresent();
    }

    /** A page of {@code query}, from {@code cursor} (which {@link #acceptsCursor} must have accepted) or the start. */
    public Page page(TicketQuery query, Optional<String> cursor) {
        Listing listing = new Listing(query);
        TicketCursor at = cursor.map(text -> TicketCursor.decode(text, listing)
                        .orElseThrow(() -> new IllegalArgumentException("not a cursor of this listing")))
                .orElse(new TicketCursor(0, Optional.empty()));
        int segment = at.segment();
        Optional<Map<String, AttributeValue>> start = at.lastKey();
        List<Ticket> items = new ArrayList<>();
        int queries = 0;
        while (items.size() < query.limit() && segment < listing.segments().size() && queries < MAX_QUERIES_PER_PAGE) {
            QueryResponse response = dynamo.query(listing.request(table, listing.segments().get(segment), query.limit() - items.size(), start));
            queries++;
            response.items().forEach(item -> items.add(TicketItems.ticket(item)));
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                start = Optional.of(response.lastEvaluatedKey());
            } else {
                segment++;
                start = Optional.empty();
            }
        }
        Optional<String> next = segment < listing.segments().size()
                ? Optional.of(new TicketCursor(segment, start).encode(listing)) : Optional.empty();
        return new Page(items, next);
    }

    /** Every ticket created in [{@code from}, {@code to}), through byCreated. */
    public List<Ticket> createdBetween(Instant from, Instant to) {
        TicketQuery.Filters filters = new TicketQuery.Filters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(from), Optional.of(to));
        return all(new Listing(new TicketQuery(filters, TicketQuery.Sort.CREATED_OLDEST_FIRST, TicketQuery.MAX_LIMIT)));
    }

    /** Every RESOLVED ticket, through byStatus. */
    public List<Ticket> resolved() {
        TicketQuery.Filters filters = new TicketQuery.Filters(Optional.of(TicketStatus.RESOLVED), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return all(new Listing(new TicketQuery(filters, TicketQuery.Sort.CREATED_OLDEST_FIRST, TicketQuery.MAX_LIMIT)));
    }

    /**
     * Every ticket marked fixed whose EXP grant is not recorded: through byCreated with a filter, since no index holds
     * the marks (support volumes keep this read small; the keeper runs it hourly).
     */
    public List<Ticket> rewardsPending() {
        List<Ticket> pending = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName("byCreated").keyConditionExpression("listKey = :list")
                        .filterExpression("attribute_exists(fixedAt) AND attribute_not_exists(expEntryId)")
                        .expressionAttributeValues(Map.of(":list", TicketItems.s(TicketItems.LIST_KEY))))
                .items().forEach(item -> pending.add(TicketItems.ticket(item)));
        return pending;
    }

    private List<Ticket> all(Listing listing) {
        List<Ticket> tickets = new ArrayList<>();
        for (Listing.Segment segment : listing.segments()) {
            Optional<Map<String, AttributeValue>> start = Optional.empty();
            do {
                QueryResponse response = dynamo.query(listing.request(table, segment, TicketQuery.MAX_LIMIT, start));
                response.items().forEach(item -> tickets.add(TicketItems.ticket(item)));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Optional.of(response.lastEvaluatedKey()) : Optional.empty();
            } while (start.isPresent());
        }
        return tickets;
    }

}
