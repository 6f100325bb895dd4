package com.warroom.slo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.observability.OpsNotices;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.history.AlarmHistory;
import com.warroom.slo.history.WeekIncidents;
import com.warroom.slo.measure.SliMeasurer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes an SLO report: measures every SLO of the catalog over the window, lists the incidents detected in it and the
 * alarms that fired most, stores it (JSON and HTML, write-once) and tells the war room on {@code ops-notices}.
 */
public final class SloReporter {

    private static final DateTimeFormatter WEEK_ID = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ReportWindow.JAKARTA);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** What {@link #run} answers: the report's JSON, and whether this run stored it (false: it was there already). */
    public record Outcome(JsonNode report, boolean created) {
    }

    private final SloCatalog catalog;
    private final SliMeasurer measurer;
    private final WeekIncidents incidents;
    private final AlarmHistory alarms;
    private final ReportStore store;
    private final OpsNotices notices;
    private final Clock clock;

    public SloReporter(SloCatalog catalog, SliMeasurer measurer, History history, ReportStore store, OpsNotices notices, Clock clock) {
        this.catalog = catalog;
        this.measurer = measurer;
        this.incidents = history.incidents();
        this.alarms = history.alarms();
        this.store = store;
        this.notices = notices;
        this.clock = clock;
    }

    /** Where the week's incidents and alarms are read. */
    public record History(WeekIncidents incidents, AlarmHistory alarms) {
    }

    /** The weekly report: the seven days before the latest Monday 08:00 Asia/Jakarta, once per week. */
    public Outcome weekly() {
        ReportWindow window = ReportWindow.weekBefore(clock.instant());
        String reportId = "week-" + WEEK_ID.format(window.to());
        Optional<String> stored = store.json(reportId);
        if (stored.isPresent()) {
            return new Outcome(Json.readTree(stored.get()), false);
        }
        return run(reportId, window);
    }

    /** A report run now over {@code window}, under a new id. */
    public Outcome now(ReportWindow window) {
        Instant at = clock.instant();
        return run("run-" + RUN_ID.format(at) + "-" + UUID.randomUUID().toString().substring(0, 8), window);
    }

    public Optional<JsonNode> latest() {
        return store.latest().map(Json::readTree);
    }

    private Outcome run(String reportId, ReportWindow window) {
        SloReport report = new SloReport(reportId, window, clock.instant(),
                catalog.slos().stream().map(slo -> measurer.measure(slo, window)).toList(), incidents.detectedIn(window),
                alarms.firings(window));
        String json = Json.write(ReportJson.of(report, ReportStore.keys(reportId)));
        if (!store.put(reportId, report.generatedAt(), json, ReportHtml.of(report))) {
            // the same week, stored by a run that raced this one: theirs stands, and they told the war room
            return new Outcome(Json.readTree(store.json(reportId).orElseThrow()), false);
        }
        notices.publish("[Warroom] SLO report " + reportId + ": " + report.count(SliStatus.BREACHED) + " breached, "
                + report.count(SliStatus.AT_RISK) + " at risk", ReportJson.summary(report));
        return new Outcome(Json.readTree(json), true);
    }
}
