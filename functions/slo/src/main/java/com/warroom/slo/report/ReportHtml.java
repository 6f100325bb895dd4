package com.warroom.slo.report;

import com.warroom.slo.history.AlarmFiring;
import com.warroom.slo.history.IncidentSummary;
import java.math.BigDecimal;

/** A report as one self-contained HTML page (every text escaped): the SLIs, the incidents, the top alarms. */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String of(SloReport report) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SLO report ")
                .append(escape(report.reportId())).append("</title></head><body>\n<h1>SLO report ").append(escape(report.reportId()))
                .append("</h1>\n<p>From ").append(report.window().from()).append(" to ").append(report.window().to())
                .append(", generated ").append(report.generatedAt()).append(".</p>\n<h2>SLIs</h2>\n<table>\n<tr><th>SLI</th><th>Objective</th>"
                        + "<th>Actual</th><th>Good</th><th>Total</th><th>Error budget left</th><th>Status</th></tr>\n");
        for (Sli sli : report.slis()) {
            html.append("<tr><td>").append(escape(sli.name())).append("</td><td>").append(sli.objective().toPlainString())
                    .append("</td><td>").append(sli.actual().map(BigDecimal::toPlainString).orElse("-")).append("</td><td>").append(sli.good())
                    .append("</td><td>").append(sli.total()).append("</td><td>")
                    .append(sli.errorBudgetRemaining().map(BigDecimal::toPlainString).orElse("-")).append("</td><td>").append(sli.status())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Incidents</h2>\n<table>\n<tr><th>Incident</th><th>Title</th><th>Severity</th><th>Status</th>"
                + "<th>MTTR (minutes)</th></tr>\n");
        for (IncidentSummary incident : report.incidents()) {
            html.append("<tr><td>").append(escape(incident.incidentId())).append("</td><td>").append(escape(incident.title()))
                    .append("</td><td>").append(escape(incident.severity().orElse("-"))).append("</td><td>").append(escape(incident.status()))
                    .append("</td><td>").append(incident.mttrMinutes().map(String::valueOf).orElse("-")).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Top alarms</h2>\n<table>\n<tr><th>Alarm</th><th>Firings</th></tr>\n");
        for (AlarmFiring alarm : report.topAlarms()) {
            html.append("<tr><td>").append(escape(alarm.name())).append("</td><td>").append(alarm.firings()).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
