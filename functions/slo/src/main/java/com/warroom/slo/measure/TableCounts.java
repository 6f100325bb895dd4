package com.warroom.slo.measure;

import com.warroom.payments.OrderStatus;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.PayoutStatus;
import com.warroom.slo.report.ReportWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SLIs counted from the tables: the payout SLA from the payouts, platform events taken in by type, and the share
 * of orders and payouts that were not stuck.
 */
public final class TableCounts {

    /** Names of the tables (from the environment in the handler). */
    public record Tables(String payouts, String orders, String platformEvents) {
    }

    // an index's sort key range with no upper end: every sortable time is below it
    private static final String LATEST = "9999";
    private static final String BY_STATUS = "byStatus";

    private final IndexRange index;
    private final Tables tables;

    public TableCounts(IndexRange index, Tables tables) {
        this.index = index;
        this.tables = tables;
    }

    /**
     * Payouts confirmed within {@code sla} of their request, out of those that ended in the window (CONFIRMED or FAILED)
     * and those still open at its end that were requested in it longer than {@code sla} before its end.
     */
    public Counts payoutSla(Duration sla, ReportWindow window) {
        AtomicLong good = new AtomicLong();
        AtomicLong total = new AtomicLong();
        for (PayoutStatus status : List.of(PayoutStatus.CONFIRMED, PayoutStatus.FAILED)) {
            payouts(status, window.from(), window.to(), item -> {
                total.incrementAndGet();
                if (status == PayoutStatus.CONFIRMED && !Duration.between(time(item, "createdAt"), time(item, "updatedAt")).minus(sla).isPositive()) {
                    good.incrementAndGet();
                }
            });
        }
        Instant overdueBefore = window.to().minus(sla);
        for (PayoutStatus status : PayoutStatus.values()) {
            if (!status.isFinal()) {
                payouts(status, window.from(), null, item -> {
                    Instant created = time(item, "createdAt");
                    if (!created.isBefore(window.from()) && created.isBefore(overdueBefore)) {
                        total.incrementAndGet();
                    }
                });
            }
        }
        return new Counts(good.get(), total.get());
    }

    /** Platform events of {@code type} that happened in the window and were taken in. */
    public long platformEventsTakenIn(String type, ReportWindow window) {
        AtomicLong count = new AtomicLong();
        index.forEach(new IndexRange.Query(tables.platformEvents(), "byType", "type", type, "occurredAt",
                SortableTime.format(window.from()), SortableTime.format(window.to()), List.of()), item -> count.incrementAndGet());
        return count.get();
    }

    /**
     * Orders and payouts started in the window that left their pending states within {@code limit} (still pending at
     * the window's end: if they were not yet {@code limit} old), out of all started.
     */
    public Counts notStuck(Duration limit, ReportWindow window) {
        AtomicLong good = new AtomicLong();
        AtomicLong total = new AtomicLong();
        for (OrderStatus status : OrderStatus.values()) {
            index.forEach(new IndexRange.Query(tables.orders(), BY_STATUS, "status", status.name(), "createdAt",
                    SortableTime.format(window.from()), SortableTime.format(window.to()), List.of("updatedAt", "paidAt")), item -> {
                Instant created = time(item, "createdAt");
                Instant left = status == OrderStatus.PENDING ? window.to()
                        : optionalTime(item, "paidAt").orElseGet(() -> time(item, "updatedAt"));
                count(created, left, limit, good, total);
            });
        }
        for (PayoutStatus status : PayoutStatus.values()) {
            // a payout started in the window was last updated in it or after: its index sorts by updatedAt
            payouts(status, window.from(), null, item -> {
                Instant created = time(item, "createdAt");
                if (!created.isBefore(window.from()) && created.isBefore(window.to())) {
                    Instant updated = time(item, "updatedAt");
                    count(created, status.isFinal() ? updated : window.to(), limit, good, total);
                }
            });
        }
        return new Counts(good.get(), total.get());
    }

    private static void count(Instant created, Instant left, Duration limit, AtomicLong good, AtomicLong total) {
        total.incrementAndGet();
        if (!Duration.between(created, left).minus(limit).isPositive()) {
            good.incrementAndGet();
        }
    }

    private void payouts(PayoutStatus status, Instant from, Instant to, java.util.function.Consumer<Map<String, AttributeValue>> item) {
        index.forEach(new IndexRange.Query(tables.payouts(), BY_STATUS, "status", status.name(), "updatedAt",
                SortableTime.format(from), to == null ? LATEST : SortableTime.format(to), List.of("createdAt")), item);
    }

    private static Instant time(Map<String, AttributeValue> item, String name) {
        return optionalTime(item, name).orElseThrow(() -> new IllegalStateException("an item without " + name));
    }

    private static Optional<Instant> optionalTime(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(Instant.parse(value.s()));
    }
}
