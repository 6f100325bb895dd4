package com.warroom.slo;

import com.warroom.alarms.Owner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One service level objective: the share of good events ({@code objective}, an exact ratio such as 0.999) over the
 * catalog's window (30 days), where the counts come from, who owns it and its runbook's anchor in the README.
 */
public record Slo(String id, String name, SloKind kind, BigDecimal objective, Duration window, SliSource source, Owner owner,
                  String runbook) {

    /** The error budget: the share of events that may be bad, {@code 1 - objective}. */
    public BigDecimal errorBudget() {
        return BigDecimal.ONE.subtract(objective);
    }

    /** The route group of an API SLO. */
    public Optional<String> routeGroup() {
        return switch (source) {
            case SliSource.ApiRequests api -> Optional.of(api.routeGroup());
            case SliSource.ApiLatency api -> Optional.of(api.routeGroup());
            case SliSource.PayoutSla p -> Optional.empty();
            case SliSource.PlatformEvents p -> Optional.empty();
            case SliSource.StuckShare s -> Optional.empty();
        };
    }

    /**
     * The good and valid event counts of an SLO not measured on the API ({@code Warroom} {@code SloGoodEvents} and
     * {@code SloValidEvents}, dimensions {@code Slo} = its id and {@code Service} = the function publishing them); empty for API SLOs, whose metrics are per route
     * ({@link SloCatalog#metrics}).
     */
    public Optional<List<SliMetric>> eventCounts() {
        return routeGroup().isPresent() ? Optional.empty() : Optional.of(Stream.concat(SloMetrics.good(this).stream(), SloMetrics.valid(this).stream()).toList());
    }
}
