package com.warroom.local.schedule;

import java.util.Map;

/** One run of a schedule, by its id (the Lambda context's {@code awsRequestId}), and how it ended. */
public sealed interface ScheduleRun {

    String schedule();

    String runId();

    record Answered(String schedule, String runId, Map<String, Object> answer) implements ScheduleRun {
    }

    record Failed(String schedule, String runId, Throwable error) implements ScheduleRun {
    }
}
