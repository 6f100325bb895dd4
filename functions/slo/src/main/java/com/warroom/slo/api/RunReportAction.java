package com.warroom.slo.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.slo.report.ReportWindow;
import com.warroom.slo.report.SloReporter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/slo/reports} (ops, finance, super_admin) {@code {}} or {@code {"from","to"}} (ISO-8601 instants on
 * whole hours, at most 31 days apart, ending no later than the end of the current hour): runs a report now over that
 * window, by default the seven days to the end of the current hour, and answers 201 with it.
 */
final class RunReportAction implements RouteAction {

    static final String ROUTE = "POST /v1/slo/reports";

    private final SloReporter reporter;
    private final Clock clock;

    RunReportAction(SloReporter reporter, Clock clock) {
        this.reporter = reporter;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        var parsed = BodyFields.parse(request.body(), Set.of("from", "to"));
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<Instant> from = instant(fields, "from");
        Optional<Instant> to = instant(fields, "to");
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        ReportWindow latest = ReportWindow.lastSevenDays(clock.instant());
        if (from.isPresent() != to.isPresent()) {
            return ApiResult.problem(Problem.invalidField(from.isPresent() ? "to" : "from", "give both from and to, or neither"));
        }
        if (from.isPresent() && !from.get().isBefore(to.get())) {
            return ApiResult.problem(Problem.invalidField("to", "must be after from"));
        }
        ReportWindow window = from.isPresent() ? new ReportWindow(from.get(), to.get()) : latest;
        if (window.to().isAfter(latest.to())) {
            return ApiResult.problem(Problem.invalidField("to", "must not be after the end of the current hour (" + latest.to() + ")"));
        }
        if (window.length().compareTo(ReportWindow.LONGEST) > 0) {
            return ApiResult.problem(Problem.invalidField("from", "a report covers at most 31 days"));
        }
        if (request.priming()) {
            // SnapStart's priming request stores no report and tells nobody
            return ApiResult.problem(Problem.unavailable("priming: no report run"));
        }
        return ApiResult.of(201, reporter.now(window).report());
    }

    private static Optional<Instant> instant(BodyFields fields, String name) {
        Optional<String> text = fields.optionalString(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(text.get());
            if (at.getEpochSecond() % 3600 != 0 || at.getNano() != 0) {
                fields.reject(name, "must be on a whole hour (UTC), e.g. 2026-11-30T01:00:00Z");
                return Optional.empty();
            }
            return Optional.of(at);
        } catch (DateTimeParseException e) {
            fields.reject(name, "must be an ISO-8601 instant, e.g. 2026-11-30T01:00:00Z");
            return Optional.empty();
        }
    }
}
