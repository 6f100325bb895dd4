package com.warroom.support.tickets.metrics;

import com.warroom.payments.SortableTime;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The support metrics of the tickets created in a window: first response time (created → the first staff comment to
 * the user or the first staff status change), resolution time (created → RESOLVED, the last resolution when a ticket
 * was reopened), each as count, median and p90 in whole seconds (nearest rank); the volume per type; and CSAT (the
 * ratings users gave on confirming: average to two decimals, count, distribution 1–5).
 */
public final class TicketMetrics {

    private TicketMetrics() {
    }

    public static Map<String, Object> of(List<Ticket> tickets, Instant from, Instant to) {
        List<Long> firstResponse = new ArrayList<>();
        List<Long> resolution = new ArrayList<>();
        Map<String, Long> volume = new LinkedHashMap<>();
        for (TicketType type : TicketType.values()) {
            volume.put(type.name(), 0L);
        }
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(Integer.toString(rating), 0L);
        }
        long ratingSum = 0;
        long ratings = 0;
        for (Ticket t : tickets) {
            Instant created = t.report().createdAt();
            t.timeline().firstResponseAt().ifPresent(at -> firstResponse.add(seconds(created, at)));
            t.timeline().resolvedAt().ifPresent(at -> resolution.add(seconds(created, at)));
            volume.merge(t.report().type().name(), 1L, Long::sum);
            if (t.csat().isPresent()) {
                int rating = t.csat().get().rating();
                distribution.merge(Integer.toString(rating), 1L, Long::sum);
                ratingSum += rating;
                ratings++;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", SortableTime.format(from));
        body.put("to", SortableTime.format(to));
        body.put("tickets", (long) tickets.size());
        body.put("firstResponseSeconds", summary(firstResponse));
        body.put("resolutionSeconds", summary(resolution));
        body.put("volumeByType", volume);
        Map<String, Object> csat = new LinkedHashMap<>();
        csat.put("average", ratings == 0 ? null
                : java.math.BigDecimal.valueOf(ratingSum).divide(java.math.BigDecimal.valueOf(ratings), 2, java.math.RoundingMode.HALF_UP));
        csat.put("count", ratings);
        csat.put("distribution", distribution);
        body.put("csat", csat);
        return body;
    }

    private static Map<String, Object> summary(List<Long> seconds) {
        List<Long> sorted = seconds.stream().sorted().toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", (long) sorted.size());
        summary.put("median", percentile(sorted, 50).orElse(null));
        summary.put("p90", percentile(sorted, 90).orElse(null));
        return summary;
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it. */
    static Optional<Long> percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
