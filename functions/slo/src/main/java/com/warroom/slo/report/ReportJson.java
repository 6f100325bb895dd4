package com.warroom.slo.report;

import com.warroom.slo.history.AlarmFiring;
import com.warroom.slo.history.IncidentSummary;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as JSON (stored and answered): ratios as decimal strings ({@code "0.998500"}), never binary floating point;
 * counts as whole numbers; {@code links} the report's two objects in the bucket.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static Map<String, Object> of(SloReport report, ReportStore.Keys keys) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reportId", report.reportId());
        json.put("from", report.window().from().toString());
        json.put("to", report.window().to().toString());
        json.put("generatedAt", report.generatedAt().toString());
        json.put("slis", report.slis().stream().map(ReportJson::sli).toList());
        json.put("incidents", report.incidents().stream().map(ReportJson::incident).toList());
        json.put("topAlarms", report.topAlarms().stream().map(ReportJson::alarm).toList());
        json.put("links", Map.of("json", keys.json(), "html", keys.html()));
        return json;
    }

    private static Map<String, Object> sli(Sli sli) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", sli.id());
        json.put("name", sli.name());
        json.put("objective", sli.objective().toPlainString());
        json.put("actual", sli.actual().map(BigDecimal::toPlainString).orElse(null));
        json.put("good", sli.good());
        json.put("total", sli.total());
        json.put("errorBudgetRemaining", sli.errorBudgetRemaining().map(BigDecimal::toPlainString).orElse(null));
        json.put("status", sli.status().name());
        return json;
    }

    private static Map<String, Object> incident(IncidentSummary incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incidentId", incident.incidentId());
        json.put("title", incident.title());
        json.put("severity", incident.severity().orElse(null));
        json.put("status", incident.status());
        json.put("detectedAt", incident.detectedAt());
        json.put("mttrMinutes", incident.mttrMinutes().orElse(null));
        return json;
    }

    private static Map<String, Object> alarm(AlarmFiring firing) {
        return Map.of("name", firing.name(), "firings", firing.firings());
    }

    /** Lines for the war room: the window, the SLIs not met, the incidents and the top alarms. */
    public static String summary(SloReport report) {
        StringBuilder text = new StringBuilder("SLO report " + report.reportId() + " for " + report.window().from() + " to "
                + report.window().to() + ": " + report.count(SliStatus.MET) + " met, " + report.count(SliStatus.AT_RISK) + " at risk, "
                + report.count(SliStatus.BREACHED) + " breached, " + report.count(SliStatus.NO_DATA) + " without data.");
        for (Sli sli : report.slis()) {
            if (sli.status() == SliStatus.BREACHED || sli.status() == SliStatus.AT_RISK) {
                text.append("\n").append(sli.status()).append(": ").append(sli.name()).append(" ")
                        .append(sli.actual().map(BigDecimal::toPlainString).orElse("-")).append(" (objective ")
                        .append(sli.objective().toPlainString()).append(", ").append(sli.good()).append("/").append(sli.total()).append(")");
            }
        }
        text.append("\nIncidents: ").append(report.incidents().size());
        List<AlarmFiring> alarms = report.topAlarms();
        if (!alarms.isEmpty()) {
            text.append("\nTop alarms: ").append(String.join(", ", alarms.stream().map(a -> a.name() + " x" + a.firings()).toList()));
        }
        return text.toString();
    }
}
