package com.warroom.reconcile.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.ReportsBucket;
import com.warroom.reconcile.run.RunCounts;
import com.warroom.observability.OpsNotices;
import com.warroom.reconcile.run.RunStatus;
import com.warroom.reconcile.run.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The Report step: the report as JSON and as a readable page, both to the reports bucket; then the run COMPLETED with
 * their keys (its day free again), the metrics and the summary to the war room. A run that is COMPLETED already is
 * answered as it is, without a second notice.
 */
public final class Reporter {

    public static final String COMPLETED_METRIC = "ReconcileRunCompleted";
    public static final String FINDINGS_METRIC = "ReconcileFindings";
    private static final Logger LOG = LoggerFactory.getLogger(Reporter.class);

    private final RunStore runs;
    private final ReportsBucket bucket;
    private final OpsNotices notices;
    private final Clock clock;

    public Reporter(RunStore runs, ReportsBucket bucket, OpsNotices notices, Clock clock) {
        this.runs = runs;
        this.bucket = bucket;
        this.notices = notices;
        this.clock = clock;
    }

    public ReconcileRun report(String runId) {
        ReconcileRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        if (run.status() == RunStatus.COMPLETED) {
            return run;
        }
        if (run.status() != RunStatus.RUNNING || run.counts().isEmpty() || run.findingsKey().isEmpty()) {
            throw new IllegalStateException("run " + runId + " is " + run.status() + (run.counts().isEmpty() ? ", not combined" : ""));
        }
        JsonNode findings = Json.readTree(bucket.read(run.findingsKey().get())
                .orElseThrow(() -> new IllegalStateException("the findings of run " + runId + " are not in the bucket")));
        Instant now = clock.instant();
        ReconcileRun.ReportKeys keys = ReportsBucket.reportKeys(runId);
        ReconcileRun completed = new ReconcileRun(run.runId(), run.day(), run.trigger(), RunStatus.COMPLETED, run.startedAt(),
                Optional.of(now), run.counts(), run.findingsKey(), Optional.of(keys), Optional.empty());
        ObjectNode report = report(completed, findings);
        bucket.put(keys.json(), "application/json", Json.write(report));
        bucket.put(keys.html(), "text/html; charset=utf-8", ReportPage.render(report));
        if (!runs.complete(runId, keys, now)) {
            ReconcileRun stored = runs.find(runId).orElseThrow();
            if (stored.status() == RunStatus.COMPLETED) {
                return stored;
            }
            throw new IllegalStateException("run " + runId + " is " + stored.status() + ": its report is not kept");
        }
        RunCounts counts = run.counts().get();
        OpsMetrics.count(COMPLETED_METRIC);
        for (Risk risk : Risk.values()) {
            OpsMetrics.measure(FINDINGS_METRIC, counts.openByRisk().get(risk), MetricUnit.COUNT, Map.of("risk", risk.name()));
        }
        notices.publish(subject(completed, counts), message(completed, counts, report));
        LOG.info("reconcile run {} of {} COMPLETED: {} findings {}", runId, run.day(), counts.total(), counts.byRisk());
        return runs.find(runId).orElseThrow();
    }

    static ObjectNode report(ReconcileRun run, JsonNode findings) {
        ObjectNode report = RunView.of(run);
        ObjectNode byRisk = report.putObject("findings");
        for (Risk risk : Risk.values()) {
            byRisk.putArray(risk.name());
        }
        for (JsonNode finding : findings.path("seen")) {
            ((ArrayNode) byRisk.get(finding.path("risk").asText())).add(finding);
        }
        report.set("resolved", findings.path("resolved").isArray() ? findings.path("resolved") : Json.mapper().createArrayNode());
        return report;
    }

    static String subject(ReconcileRun run, RunCounts counts) {
        Map<Risk, Integer> risks = counts.byRisk();
        return "Warroom reconcile " + run.day() + ": " + counts.total() + " findings (" + risks.get(Risk.HIGH) + " HIGH, "
                + risks.get(Risk.MEDIUM) + " MEDIUM, " + risks.get(Risk.LOW) + " LOW)";
    }

    static String message(ReconcileRun run, RunCounts counts, JsonNode report) {
        StringBuilder text = new StringBuilder();
        text.append("Reconcile run ").append(run.runId()).append(" of ").append(run.day()).append(" (started by ").append(run.trigger())
                .append(") COMPLETED.\n");
        text.append("Findings seen: ").append(counts.total());
        for (Risk risk : Risk.values()) {
            text.append(", ").append(risk).append(' ').append(counts.byRisk().get(risk))
                    .append(" (").append(counts.openByRisk().get(risk)).append(" open)");
        }
        text.append(".\nNew ").append(counts.opened()).append(", reopened ").append(counts.reopened()).append(", resolved ")
                .append(counts.resolved()).append(".\n");
        for (JsonNode finding : report.path("findings").path(Risk.HIGH.name())) {
            text.append("HIGH ").append(finding.path("check").asText()).append(' ').append(finding.path("subject").asText())
                    .append(": expected ").append(finding.path("expected").asText()).append(", actual ").append(finding.path("actual").asText())
                    .append(" -> ").append(finding.path("action").asText()).append(" (README ").append(finding.path("runbook").asText())
                    .append(")\n");
        }
        text.append("Report: GET ").append(RunView.reportPath(run.runId())).append('\n');
        return text.toString();
    }
}
