package com.warroom.slo;

import com.warroom.observability.OpsMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Counts an event SLO's events where they happen, for its burn-rate alarms: every event counts in
 * {@code SloValidEvents}, a good one in {@code SloGoodEvents} too, both with dimension {@code Slo} (Powertools adds
 * {@code Service}, the publishing function).
 */
public final class SloEvents {

    private final SloCatalog catalog;

    public SloEvents(SloCatalog catalog) {
        this.catalog = catalog;
    }

    /** The SLO of a platform event type (contribute, claim, refund), if it has one. */
    public Optional<Slo> platformEvent(String eventType) {
        return catalog.slos().stream().filter(slo -> slo.source() instanceof SliSource.PlatformEvents events
                && events.eventType().equals(eventType)).findFirst();
    }

    /** Counts a payout that ended: good when CONFIRMED within the SLA of its request. */
    public void payoutEnded(Instant requestedAt, Optional<Instant> confirmedAt) {
        catalog.slos().stream().filter(slo -> slo.source() instanceof SliSource.PayoutSla).findFirst().ifPresent(slo -> {
            Duration sla = Duration.ofMinutes(((SliSource.PayoutSla) slo.source()).slaMinutes());
            count(slo, confirmedAt.filter(at -> !Duration.between(requestedAt, at).minus(sla).isPositive()).isPresent());
        });
    }

    /** Counts a payout or an order that reached a final state: good when it got there within the stuck limit. */
    public void transactionEnded(Instant startedAt, Instant endedAt) {
        catalog.slos().stream().filter(slo -> slo.source() instanceof SliSource.StuckShare).findFirst().ifPresent(slo -> {
            Duration limit = Duration.ofMinutes(((SliSource.StuckShare) slo.source()).limitMinutes());
            count(slo, !Duration.between(startedAt, endedAt).minus(limit).isPositive());
        });
    }

    public static void count(Slo slo, boolean good) {
        Map<String, String> dimensions = Map.of(SloMetrics.SLO, slo.id());
        OpsMetrics.measure(SloMetrics.VALID_EVENTS, 1, MetricUnit.COUNT, dimensions);
        if (good) {
            OpsMetrics.measure(SloMetrics.GOOD_EVENTS, 1, MetricUnit.COUNT, dimensions);
        }
    }
}
