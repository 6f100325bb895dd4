package com.warroom.slo;

import java.util.List;

/**
 * The metrics an SLI's ratio is made of, each list summed: {@code events} are the bad ones (availability: {@code 5xx})
 * or the good ones (latency within the threshold, SLO event counts), as {@code counted} says, out of {@code total}.
 * A burn-rate alarm's error rate is {@code bad / total}, or {@code 1 - good / total}.
 */
public record SliCounts(Counted counted, List<SliMetric> events, List<SliMetric> total) {

    public SliCounts {
        events = List.copyOf(events);
        total = List.copyOf(total);
    }

    /** Whether {@link #events} counts the good events or the bad ones. */
    public enum Counted { GOOD, BAD }
}
