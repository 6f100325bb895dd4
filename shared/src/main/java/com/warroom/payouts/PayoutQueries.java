package com.warroom.payouts;

import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Read-only listings of the payouts table for the ops queue: by user ({@code byUser}, newest created first), by status
 * ({@code byStatus}, most recently changed first) or, with neither, a scan (in no particular order). A page reads at
 * most {@link #MAX_EXAMINED} rows, so a filter that keeps few rows answers a short page (even an empty one) with a
 * position to go on from; the position is the last row read, kept or not. The indexes are eventually consistent:
 * callers that act on a payout read it again.
 */
public final class PayoutQueries {

    public static final int MAX_LIMIT = 100;
    /** The most rows one page reads, whatever it keeps: a rare filter costs pages, never an unbounded read. */
    public static final int MAX_EXAMINED = 1000;

    private final DynamoDbTable<Payout> table;

    public PayoutQueries(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, Payout.SCHEMA);
    }

    /** Which index a selection reads, and so which time {@code from}/{@code to} bound. */
    public enum Source {
        /** {@code byUser}: {@code createdAt} between from and to, newest first. */
        BY_USER,
        /** {@code byStatus}: {@code updatedAt} between from and to, most recently changed first. */
        BY_STATUS,
        /** the table: {@code createdAt} between from and to, in no particular order. */
        SCAN
    }

    /**
     * What to list: a user's payouts (and of them, those in {@code status} when given), or the payouts in
     * {@code status}, or all; {@code from} and {@code to} (inclusive) bound the time the {@link #source()} orders by.
     */
    public record Selection(Optional<String> userId, Optional<PayoutStatus> status, Optional<Instant> from, Optional<Instant> to) {

        public Selection {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
                throw new IllegalArgumentException("from is after to");
            }
        }

        public static Selection all() {
            return new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Source source() {
            return userId.isPresent() ? Source.BY_USER : status.isPresent() ? Source.BY_STATUS : Source.SCAN;
        }

        /** Whether {@code time}, as the source orders by it, is inside the range. */
        public boolean inRange(Instant time) {
            return from.map(f -> !time.isBefore(f)).orElse(true) && to.map(t -> !time.isAfter(t)).orElse(true);
        }
    }

    /**
     * Where a page starts: after the row {@code payoutId} whose sort key in the source's index is {@code sortKey}
     * (empty for a scan).
     */
    public record Position(String payoutId, Optional<Instant> sortKey) {
        public Position {
            Objects.requireNonNull(payoutId, "payoutId");
            Objects.requireNonNull(sortKey, "sortKey");
        }
    }

    /** The kept rows of a page and where the next one starts, when the source may hold more. */
    public record Listing(List<Payout> items, Optional<Position> next) {
        public Listing {
            items = List.copyOf(items);
        }
    }

    /**
     * Up to {@code paging.limit()} payouts of {@code selection} that {@code keep} accepts, from {@code paging.after()}: a
     * position this method answered for the same selection (a position outside the selection's time range is refused
     * by DynamoDB: callers check positions they did not keep themselves).
     */
    public Listing page(Selection selection, Predicate<Payout> keep, Paging paging) {
        Source source = selection.source();
        Predicate<Payout> kept = keep.and(rowFilter(selection));
        Iterator<Page<Payout>> pages = pages(selection, paging.after());
        List<Payout> items = new ArrayList<>();
        Payout last = null;
        int examined = 0;
        boolean exhausted = true;
        pages:
        while (pages.hasNext()) {
            Page<Payout> page = pages.next();
            List<Payout> rows = page.items();
            for (int i = 0; i < rows.size(); i++) {
                Payout row = rows.get(i);
                last = row;
                examined++;
                if (kept.test(row)) {
                    items.add(row);
                }
                boolean moreInPage = i < rows.size() - 1;
                if (items.size() == paging.limit() || examined >= MAX_EXAMINED) {
                    exhausted = !moreInPage && page.lastEvaluatedKey() == null;
                    break pages;
                }
            }
            exhausted = page.lastEvaluatedKey() == null;
            if (exhausted) {
                break;
            }
        }
        Optional<Position> next = exhausted || last == null ? Optional.empty() : Optional.of(position(source, last));
        return new Listing(items, next);
    }

    /** How many rows a page keeps and where it starts. */
    public record Paging(int limit, Optional<Position> after) {
        public Paging {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " payouts: " + limit);
            }
            Objects.requireNonNull(after, "after");
        }
    }

    // what the source's key condition does not already ensure
    private static Predicate<Payout> rowFilter(Selection selection) {
        return switch (selection.source()) {
            case BY_USER -> row -> selection.status().map(s -> s.name().equals(row.progress().status())).orElse(true);
            case BY_STATUS -> row -> true;
            case SCAN -> row -> selection.inRange(row.times().createdAt());
        };
    }

    private Iterator<Page<Payout>> pages(Selection selection, Optional<Position> after) {
        // DynamoDB's own page size: a full page of kept rows rarely takes two requests, a rare filter takes ten at most
        int pageSize = MAX_LIMIT;
        return switch (selection.source()) {
            case BY_USER -> query(Payout.BY_USER, selection.userId().orElseThrow(), "userId", "createdAt", selection, after, pageSize);
            case BY_STATUS -> query(Payout.BY_STATUS, selection.status().orElseThrow().name(), "status", "updatedAt", selection,
                    after, pageSize);
            case SCAN -> {
                ScanEnhancedRequest.Builder scan = ScanEnhancedRequest.builder().limit(pageSize);
                after.ifPresent(position -> scan.exclusiveStartKey(Map.of("payoutId", AttributeValue.fromS(position.payoutId()))));
                yield table.scan(scan.build()).iterator();
            }
        };
    }

    private Iterator<Page<Payout>> query(String index, String partition, String partitionName, String sortName, Selection selection,
                                         Optional<Position> after, int pageSize) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(condition(partition, selection))
                .scanIndexForward(false)
                .limit(pageSize);
        after.ifPresent(position -> {
            Map<String, AttributeValue> start = new HashMap<>();
            start.put("payoutId", AttributeValue.fromS(position.payoutId()));
            start.put(partitionName, AttributeValue.fromS(partition));
            start.put(sortName, AttributeValue.fromS(SortableTime.format(position.sortKey().orElseThrow(
                    () -> new IllegalArgumentException("a position in " + index + " needs its sort key")))));
            query.exclusiveStartKey(start);
        });
        return table.index(index).query(query.build()).iterator();
    }

    private static QueryConditional condition(String partition, Selection selection) {
        Optional<Key> from = selection.from().map(f -> key(partition, f));
        Optional<Key> to = selection.to().map(t -> key(partition, t));
        if (from.isPresent() && to.isPresent()) {
            return QueryConditional.sortBetween(from.get(), to.get());
        }
        if (from.isPresent()) {
            return QueryConditional.sortGreaterThanOrEqualTo(from.get());
        }
        if (to.isPresent()) {
            return QueryConditional.sortLessThanOrEqualTo(to.get());
        }
        return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
    }

    private static Key key(String partition, Instant time) {
        return Key.builder().partitionValue(partition).sortValue(SortableTime.format(time)).build();
    }

    private static Position position(Source source, Payout row) {
        return switch (source) {
            case BY_USER -> new Position(row.payoutId(), Optional.of(row.times().createdAt()));
            case BY_STATUS -> new Position(row.payoutId(), Optional.of(row.times().updatedAt()));
            case SCAN -> new Position(row.payoutId(), Optional.empty());
        };
    }
}
