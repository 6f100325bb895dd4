package com.warroom.slo.report;

import com.warroom.slo.history.AlarmFiring;
import com.warroom.slo.history.IncidentSummary;
import java.time.Instant;
import java.util.List;

/** One SLO report: every SLI of the window, the incidents detected in it and the alarms that fired most. */
public record SloReport(String reportId, ReportWindow window, Instant generatedAt, List<Sli> slis, List<IncidentSummary> incidents,
                        List<AlarmFiring> topAlarms) {

    public SloReport {
        slis = List.copyOf(slis);
        incidents = List.copyOf(incidents);
        topAlarms = List.copyOf(topAlarms);
    }

    public long count(SliStatus status) {
        return slis.stream().filter(sli -> sli.status() == status).count();
    }
}
