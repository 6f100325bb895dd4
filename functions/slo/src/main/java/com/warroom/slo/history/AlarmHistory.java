package com.warroom.slo.history;

import com.warroom.slo.report.ReportWindow;
import java.util.Comparator;
import java.util.List;

/** The alarms that went off in a window, most often first: CloudWatch's alarm history in AWS, a replay locally. */
public interface AlarmHistory {

    /** How many of the most frequent alarms a report lists. */
    int TOP = 10;

    /** Every alarm that fired at least once in the window, most firings first (then by name). */
    List<AlarmFiring> firings(ReportWindow window);

    /** The {@link #TOP} of {@code firings}. */
    static List<AlarmFiring> top(List<AlarmFiring> firings) {
        return firings.stream().filter(f -> f.firings() > 0)
                .sorted(Comparator.comparingInt(AlarmFiring::firings).reversed().thenComparing(AlarmFiring::name))
                .limit(TOP).toList();
    }
}
