package com.warroom.stuck.sweep;

import com.warroom.observability.OpsMetrics;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** What every sweep tells CloudWatch (namespace Warroom): the names the alarms and the Daily Ops dashboard read. */
final class SweepMetrics {

    /** Counted once per sweep that read everything it reads: "no sweeper run in 15 minutes" watches it. */
    static final String RUN = "SweeperRun";
    /** Counted once per payout or order queued again. */
    static final String REDRIVEN = "SweeperRedriven";
    /** Counted once per queue message the queue refused (the item is queued by the next sweep). */
    static final String REDRIVE_REFUSED = "SweeperRedriveRefused";
    /** Counted once per stuck payout seen, as the payout queue's badge counts stuck (alarm Warroom-payout-stuck). */
    static final String PAYOUT_STUCK = "PayoutStuck";
    /** Per kind ({@code payout}, {@code order}): how many are stuck, and how long the oldest has waited (0 when none). */
    static final String STUCK_COUNT = "StuckCount";
    static final String STUCK_OLDEST_AGE = "StuckOldestAgeSeconds";
    /** OPEN reconcile findings first seen more than 24 hours ago: a break nobody has a ticket for. */
    static final String FINDINGS_UNTICKETED = "ReconcileFindingsUnticketed";

    private SweepMetrics() {
    }

    static void record(SweepReport report) {
        for (SweepReport.Kind kind : SweepReport.Kind.values()) {
            SweepReport.Stuck stuck = report.stuck(kind);
            Map<String, String> dimensions = Map.of("kind", kind.label());
            OpsMetrics.measure(STUCK_COUNT, stuck.count(), MetricUnit.COUNT, dimensions);
            OpsMetrics.measure(STUCK_OLDEST_AGE, stuck.oldestAgeSeconds(), MetricUnit.SECONDS, dimensions);
        }
        OpsMetrics.measure(FINDINGS_UNTICKETED, report.unticketedFindings(), MetricUnit.COUNT, Map.of());
        OpsMetrics.count(RUN);
    }
}
