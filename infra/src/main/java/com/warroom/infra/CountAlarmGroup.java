package com.warroom.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.constructs.Construct;

/** A construct of {@link CountAlarm}s, each findable by its metric's name. */
abstract class CountAlarmGroup extends Construct {

    private final Map<String, Alarm> alarms = new LinkedHashMap<>();

    CountAlarmGroup(Construct scope, String id, List<CountAlarm> counts) {
        super(scope, id);
        counts.forEach(alarm -> alarms.put(alarm.metricName(), alarm.build(this, alarm.metricName())));
    }

    /** The alarm on a metric, by metric name. */
    public Alarm alarm(String metricName) {
        Alarm alarm = alarms.get(metricName);
        if (alarm == null) {
            throw new IllegalArgumentException("no alarm of " + getNode().getId() + " on " + metricName);
        }
        return alarm;
    }
}
