package com.warroom.reconcile.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.RunCounts;
import java.time.Instant;

/**
 * A run as the API lists it and as its report begins: id, day, trigger, status, times, error, the summary counts (once
 * combined) and the report's path (once completed).
 */
public final class RunView {

    private RunView() {
    }

    public static String reportPath(String runId) {
        return "/v1/admin/reconcile/runs/" + runId + "/report";
    }

    public static ObjectNode of(ReconcileRun run) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("runId", run.runId());
        view.put("day", run.day().toString());
        view.put("trigger", run.trigger());
        view.put("status", run.status().name());
        view.put("startedAt", run.startedAt().toString());
        view.put("endedAt", run.endedAt().map(Instant::toString).orElse(null));
        view.put("error", run.error().orElse(null));
        if (run.counts().isPresent()) {
            view.set("summary", summary(run.counts().get()));
        } else {
            view.putNull("summary");
        }
        view.put("report", run.reportKeys().isPresent() ? reportPath(run.runId()) : null);
        return view;
    }

    static ObjectNode summary(RunCounts counts) {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.put("findings", counts.total());
        ObjectNode byRisk = summary.putObject("byRisk");
        counts.byRisk().forEach((risk, n) -> byRisk.put(risk.name(), n));
        ObjectNode open = summary.putObject("openByRisk");
        counts.openByRisk().forEach((risk, n) -> open.put(risk.name(), n));
        summary.put("new", counts.opened());
        summary.put("reopened", counts.reopened());
        summary.put("resolved", counts.resolved());
        summary.put("acknowledged", counts.acknowledged());
        var checks = summary.putArray("checks");
        counts.byCheck().forEach((check, risks) -> {
            ObjectNode row = checks.addObject();
            row.put("check", check);
            for (Risk risk : Risk.values()) {
                row.put(risk.name(), risks.getOrDefault(risk, 0));
            }
            row.put("total", risks.values().stream().mapToInt(Integer::intValue).sum());
        });
        summary.put("segments", counts.segments());
        ObjectNode scanned = summary.putObject("scannedItems");
        counts.scannedItems().forEach(scanned::put);
        return summary;
    }
}
