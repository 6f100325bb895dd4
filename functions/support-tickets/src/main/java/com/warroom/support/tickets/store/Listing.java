package com.warroom.support.tickets.store;

import com.warroom.payments.SortableTime;
import com.warroom.support.TicketPriority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * How a {@link TicketQuery} reads the table: one or more index partitions in order (segments), each read with the
 * creation range as key condition and the other filters as a FilterExpression. By creation, the most selective filter
 * picks the index (user, assignee, status, priority, else all tickets in byCreated); by priority, the byPriority
 * partitions one after the other, newest first within each.
 */
final class Listing {

    record Segment(String index, String keyAttribute, String keyValue, boolean forward) {
    }

    private final TicketQuery query;
    private final List<Segment> segments;
    private final String usedFilter;

    Listing(TicketQuery query) {
        this.query = query;
        TicketQuery.Filters f = query.filters();
        List<Segment> planned = new ArrayList<>();
        if (query.sort().byPriority()) {
            List<TicketPriority> order = new ArrayList<>(Arrays.asList(TicketPriority.values()));
            if (query.sort() == TicketQuery.Sort.LEAST_URGENT_FIRST) {
                java.util.Collections.reverse(order);
            }
            for (TicketPriority p : order) {
                if (f.priority().isEmpty() || f.priority().get() == p) {
                    planned.add(new Segment("byPriority", "priority", p.name(), false));
                }
            }
            usedFilter = "priority";
        } else {
            boolean forward = query.sort() == TicketQuery.Sort.CREATED_OLDEST_FIRST;
            if (f.userId().isPresent()) {
                planned.add(new Segment("byUser", "userId", f.userId().get(), forward));
                usedFilter = "userId";
            } else if (f.assignee().isPresent()) {
                planned.add(new Segment("byAssignee", "assignee", f.assignee().get(), forward));
                usedFilter = "assignee";
            } else if (f.status().isPresent()) {
                planned.add(new Segment("byStatus", "status", f.status().get().name(), forward));
                usedFilter = "status";
            } else if (f.priority().isPresent()) {
                planned.add(new Segment("byPriority", "priority", f.priority().get().name(), forward));
                usedFilter = "priority";
            } else {
                planned.add(new Segment("byCreated", "listKey", TicketItems.LIST_KEY, forward));
                usedFilter = "";
            }
        }
        this.segments = List.copyOf(planned);
    }

    List<Segment> segments() {
        return segments;
    }

    String fingerprint() {
        return query.sort().wire() + "|" + query.filters().canonical();
    }

    /** The query of {@code segment} for at most {@code limit} items evaluated, from {@code start}. */
    QueryRequest request(String table, Segment segment, int limit, Optional<Map<String, AttributeValue>> start) {
        TicketQuery.Filters f = query.filters();
        Map<String, String> names = new HashMap<>(Map.of("#pk", segment.keyAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(segment.keyValue())));
        String keyCondition = "#pk = :pk";
        if (f.from().isPresent() || f.to().isPresent()) {
            names.put("#created", "createdAt");
            // to is exclusive; SortableTime keeps milliseconds, so the last millisecond before it is the inclusive end
            values.put(":from", AttributeValue.fromS(SortableTime.format(f.from().orElse(Instant.EPOCH))));
            values.put(":to", AttributeValue.fromS(SortableTime.format(f.to().map(t -> t.minusMillis(1))
                    .orElse(Instant.parse("9999-12-31T23:59:59.999Z")))));
            keyCondition += " AND #created BETWEEN :from AND :to";
        }
        List<String> filters = new ArrayList<>();
        f.status().filter(v -> !usedFilter.equals("status")).ifPresent(v -> add(filters, names, values, "status", AttributeValue.fromS(v.name())));
        f.type().ifPresent(v -> add(filters, names, values, "type", AttributeValue.fromS(v.name())));
        f.priority().filter(v -> !usedFilter.equals("priority")).ifPresent(v -> add(filters, names, values, "priority", AttributeValue.fromS(v.name())));
        f.assignee().filter(v -> !usedFilter.equals("assignee")).ifPresent(v -> add(filters, names, values, "assignee", AttributeValue.fromS(v)));
        f.followedUp().ifPresent(v -> add(filters, names, values, "followedUp", AttributeValue.fromBool(v)));
        f.userId().filter(v -> !usedFilter.equals("userId")).ifPresent(v -> add(filters, names, values, "userId", AttributeValue.fromS(v)));
        QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName(segment.index()).keyConditionExpression(keyCondition)
                .scanIndexForward(segment.forward()).limit(limit).expressionAttributeNames(names).expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            b.filterExpression(String.join(" AND ", filters));
        }
        start.ifPresent(b::exclusiveStartKey);
        return b.build();
    }

    private static void add(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values, String attribute,
                            AttributeValue value) {
        names.put("#f_" + attribute, attribute);
        values.put(":f_" + attribute, value);
        filters.add("#f_" + attribute + " = :f_" + attribute);
    }
}
