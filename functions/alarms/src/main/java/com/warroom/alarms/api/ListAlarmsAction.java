package com.warroom.alarms.api;

import com.warroom.alarms.AlarmEvaluation;
import com.warroom.alarms.AlarmRule;
import com.warroom.alarms.AlarmState;
import com.warroom.alarms.AlarmStatus;
import com.warroom.alarms.RunbookLink;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.RouteAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/admin/alarms}: every alarm of the catalogue evaluated now, ALARM first: its state, the latest value
 * and the threshold, the owner, the runbook link and since when the state holds when that is known.
 */
final class ListAlarmsAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/alarms";

    private final List<AlarmRule> rules;
    private final AlarmEvaluation evaluation;
    private final Settings settings;

    /** The stack's name alarms are named after, the README the runbooks link to, and where the metrics come from. */
    record Settings(String stackName, String readmeUrl, String source) {
    }

    ListAlarmsAction(List<AlarmRule> rules, AlarmEvaluation evaluation, Settings settings) {
        this.rules = List.copyOf(rules);
        this.evaluation = evaluation;
        this.settings = settings;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<AlarmStatus> statuses = evaluation.evaluate(rules);
        List<Map<String, Object>> alarms = statuses.stream()
                .sorted(java.util.Comparator.comparingInt((AlarmStatus s) -> order(s.state())))
                .map(this::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluatedAt", statuses.isEmpty() ? null : statuses.getFirst().evaluatedAt().toString());
        body.put("source", settings.source());
        body.put("inAlarm", statuses.stream().filter(s -> s.state() == AlarmState.ALARM).count());
        body.put("alarms", alarms);
        return ApiResult.ok(body);
    }

    private static int order(AlarmState state) {
        return switch (state) {
            case ALARM -> 0;
            case INSUFFICIENT_DATA -> 1;
            case OK -> 2;
        };
    }

    private Map<String, Object> view(AlarmStatus status) {
        AlarmRule rule = status.rule();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", rule.alarmName(settings.stackName()));
        view.put("state", status.state().name());
        view.put("value", status.value().orElse(null));
        view.put("comparison", rule.comparison().symbol());
        view.put("threshold", rule.threshold());
        view.put("trip", rule.trip());
        view.put("owner", rule.owner().tag());
        view.put("runbook", RunbookLink.of(settings.readmeUrl(), rule));
        view.put("since", status.since().map(Object::toString).orElse(null));
        view.put("meaning", rule.meaning());
        return view;
    }
}
