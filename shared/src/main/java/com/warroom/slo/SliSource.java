package com.warroom.slo;

/** Where an SLI's good and total counts come from. */
public sealed interface SliSource {

    /** A route group's requests: total {@code Count}, bad {@code 5xx} (Sum), per route. */
    record ApiRequests(String routeGroup) implements SliSource {
    }

    /**
     * A route group's requests within {@code thresholdMs}: total {@code Latency} SampleCount, good {@code Latency}
     * {@code TC(:thresholdMs)}, per route; the report also gives the p95 from the same points.
     */
    record ApiLatency(String routeGroup, int thresholdMs) implements SliSource {

        /** The CloudWatch statistic counting the requests within the threshold. */
        public String goodStatistic() {
            return "TC(:" + thresholdMs + ")";
        }
    }

    /** Payouts that reached CONFIRMED within {@code slaMinutes} of their request, among those finished or overdue. */
    record PayoutSla(int slaMinutes) implements SliSource {
    }

    /** Platform events of {@code eventType} taken in, among those received (taken in or dead-lettered). */
    record PlatformEvents(String eventType) implements SliSource {
    }

    /** Orders and payouts that left their pending states within {@code limitMinutes}, among those started. */
    record StuckShare(int limitMinutes) implements SliSource {
    }
}
