package com.warroom.slo.history;

import com.warroom.slo.report.ReportWindow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;

/**
 * CloudWatch's alarm history of this stack's alarms (named {@code <stack>-<rule>}): each state update into ALARM in
 * the window is one firing. The history is kept 30 days, longer than a report's window.
 */
public final class CloudWatchAlarmHistory implements AlarmHistory {

    private final CloudWatchClient cloudWatch;
    private final String stackName;

    public CloudWatchAlarmHistory(CloudWatchClient cloudWatch, String stackName) {
        this.cloudWatch = cloudWatch;
        this.stackName = stackName;
    }

    @Override
    public List<AlarmFiring> firings(ReportWindow window) {
        Map<String, Integer> counts = new TreeMap<>();
        cloudWatch.describeAlarmHistoryPaginator(b -> b.historyItemType(HistoryItemType.STATE_UPDATE)
                        .startDate(window.from()).endDate(window.to()))
                .alarmHistoryItems().forEach(item -> {
                    if (item.alarmName().startsWith(stackName + "-") && intoAlarm(item)) {
                        counts.merge(item.alarmName().substring(stackName.length() + 1), 1, Integer::sum);
                    }
                });
        return AlarmHistory.top(counts.entrySet().stream().map(e -> new AlarmFiring(e.getKey(), e.getValue())).toList());
    }

    // the summary CloudWatch writes: "Alarm updated from OK to ALARM"
    static boolean intoAlarm(AlarmHistoryItem item) {
        return item.historySummary() != null && item.historySummary().endsWith(" to ALARM");
    }
}
