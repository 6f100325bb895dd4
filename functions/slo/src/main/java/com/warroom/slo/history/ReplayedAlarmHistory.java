package com.warroom.slo.history;

import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.AlarmRule;
import com.warroom.slo.report.ReportWindow;
import java.util.List;

/**
 * The alarm catalog's rules replayed over the window's metrics (the runner's metric file): where no CloudWatch alarm
 * exists, the firings it would have recorded.
 */
public final class ReplayedAlarmHistory implements AlarmHistory {

    private final List<AlarmRule> rules;
    private final AlarmEvaluation evaluation;

    public ReplayedAlarmHistory(List<AlarmRule> rules, AlarmEvaluation evaluation) {
        this.rules = rules;
        this.evaluation = evaluation;
    }

    @Override
    public List<AlarmFiring> firings(ReportWindow window) {
        return AlarmHistory.top(rules.stream()
                .map(rule -> new AlarmFiring(rule.name(), evaluation.firings(rule, window.from(), window.to()))).toList());
    }
}
