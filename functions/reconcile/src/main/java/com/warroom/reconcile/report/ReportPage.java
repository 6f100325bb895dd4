package com.warroom.reconcile.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.reconcile.check.Risk;

/**
 * The report as a page a person reads: the run, a summary table of findings per check and risk, then the findings by
 * risk (HIGH first) with expected, actual, difference, action and the runbook, then what this run resolved. Every
 * value is escaped: findings carry text from the scanned data.
 */
public final class ReportPage {

    /** Where a finding's runbook anchor points: the README's reconcile section. */
    public static final String RUNBOOK_BASE = "README.md";

    private ReportPage() {
    }

    public static String render(JsonNode report) {
        StringBuilder html = new StringBuilder(4096);
        String title = "Reconcile " + report.path("day").asText() + " — run " + report.path("runId").asText();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse;margin:.5rem 0 1.5rem}"
                        + "th,td{border:1px solid #c9d1d9;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f0f3f6}"
                        + "td.n{text-align:right}.HIGH{color:#b42318}.MEDIUM{color:#b54708}.LOW{color:#475467}</style></head><body>\n");
        html.append("<h1>").append(esc(title)).append("</h1>\n");
        html.append("<p>Status <strong id=\"status\">").append(esc(report.path("status").asText())).append("</strong>, started by ")
                .append(esc(report.path("trigger").asText())).append(" at ").append(esc(report.path("startedAt").asText()))
                .append(", ended ").append(esc(report.path("endedAt").asText())).append(".</p>\n");
        JsonNode summary = report.path("summary");
        html.append("<h2>Summary</h2>\n<p id=\"totals\">").append(summary.path("findings").asInt()).append(" findings seen: ")
                .append(summary.path("new").asInt()).append(" new, ").append(summary.path("reopened").asInt()).append(" reopened, ")
                .append(summary.path("acknowledged").asInt()).append(" acknowledged; ").append(summary.path("resolved").asInt())
                .append(" resolved by this run. ").append(summary.path("segments").asInt()).append(" segments scanned.</p>\n");
        html.append("<table id=\"summary\"><thead><tr><th>Check</th>");
        for (Risk risk : Risk.values()) {
            html.append("<th class=\"").append(risk).append("\">").append(risk).append("</th>");
        }
        html.append("<th>Total</th></tr></thead><tbody>\n");
        for (JsonNode row : summary.path("checks")) {
            html.append("<tr><td>").append(esc(row.path("check").asText())).append("</td>");
            for (Risk risk : Risk.values()) {
                html.append("<td class=\"n\">").append(row.path(risk.name()).asInt()).append("</td>");
            }
            html.append("<td class=\"n\">").append(row.path("total").asInt()).append("</td></tr>\n");
        }
        html.append("<tr><th>All checks</th>");
        for (Risk risk : Risk.values()) {
            html.append("<th class=\"n\">").append(summary.path("byRisk").path(risk.name()).asInt()).append("</th>");
        }
        html.append("<th class=\"n\">").append(summary.path("findings").asInt()).append("</th></tr>\n</tbody></table>\n");
        for (Risk risk : Risk.values()) {
            JsonNode findings = report.path("findings").path(risk.name());
            html.append("<h2 class=\"").append(risk).append("\" id=\"risk-").append(risk).append("\">").append(risk)
                    .append(" risk (").append(findings.size()).append(")</h2>\n");
            if (findings.isEmpty()) {
                html.append("<p>None.</p>\n");
                continue;
            }
            findingTable(html, findings, "findings-" + risk);
        }
        JsonNode resolved = report.path("resolved");
        html.append("<h2 id=\"resolved\">Resolved by this run (").append(resolved.size()).append(")</h2>\n");
        if (resolved.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            findingTable(html, resolved, "findings-resolved");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void findingTable(StringBuilder html, JsonNode findings, String id) {
        html.append("<table id=\"").append(id).append("\"><thead><tr><th>Finding</th><th>Check</th><th>Subject</th><th>Expected</th>"
                + "<th>Actual</th><th>Difference</th><th>Action</th><th>Status</th><th>First seen</th><th>Runbook</th></tr></thead><tbody>\n");
        for (JsonNode f : findings) {
            String runbook = f.path("runbook").asText();
            html.append("<tr><td>").append(esc(f.path("findingId").asText())).append("</td><td>").append(esc(f.path("check").asText()))
                    .append("</td><td>").append(esc(f.path("subject").asText())).append("</td><td>").append(esc(f.path("expected").asText()))
                    .append("</td><td>").append(esc(f.path("actual").asText())).append("</td><td>").append(esc(f.path("difference").asText()))
                    .append("</td><td>").append(esc(f.path("action").asText())).append("</td><td>").append(esc(f.path("status").asText()))
                    .append(f.path("ticket").isTextual() ? " (" + esc(f.path("ticket").asText()) + ")" : "")
                    .append("</td><td>").append(esc(f.path("firstSeenAt").asText())).append("</td><td><a href=\"")
                    .append(esc(RUNBOOK_BASE + runbook)).append("\">").append(esc(runbook)).append("</a></td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
