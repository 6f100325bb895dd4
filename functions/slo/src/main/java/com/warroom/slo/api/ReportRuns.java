package com.warroom.slo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.slo.report.ReportWindow;
import com.warroom.slo.report.SloReporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report run by a person: made and stored, then audited with its id and window (who ran which report). */
final class ReportRuns {

    static final String AUDIT_ACTION = "slo.report.run";

    private final SloReporter reporter;
    private final AuditLog audit;

    ReportRuns(SloReporter reporter, AuditLog audit) {
        this.reporter = reporter;
        this.audit = audit;
    }

    JsonNode run(Caller caller, ReportWindow window, RequestOrigin origin) {
        JsonNode report = reporter.now(window).report();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reportId", report.path("reportId").asText());
        after.put("from", window.from().toString());
        after.put("to", window.to().toString());
        after.put("json", report.path("links").path("json").asText());
        audit.commit((AuditedChange<String>) seq -> new AuditedChange.Write<>(List.of(),
                new AuditDraft(caller, AUDIT_ACTION, "slo-report:" + report.path("reportId").asText(), null, Json.write(after), null, origin),
                entry -> report.path("reportId").asText()));
        return report;
    }
}
