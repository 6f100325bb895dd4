package com.warroom.reconcile.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One reconcile run as its item in {@code reconcile-runs} keeps it: the day it reconciles (Asia/Jakarta), who started
 * it ({@code schedule} or {@code user:<sub>}), its status and times, what the combine step counted, where its findings
 * and reports are in the reports bucket, and why it failed.
 */
public record ReconcileRun(String runId, LocalDate day, String trigger, RunStatus status, Instant startedAt,
                           Optional<Instant> endedAt, Optional<RunCounts> counts, Optional<String> findingsKey,
                           Optional<ReportKeys> reportKeys, Optional<String> error) {

    /** A run id is also its workflow execution's name: letters, digits and '-', at most 80 characters. */
    private static final Pattern ID = Pattern.compile("rc-\\d{8}-[0-9a-f]{12}");
    public static final String SCHEDULE_TRIGGER = "schedule";
    public static final int MAX_ERROR_LENGTH = 1000;

    /** Where a completed run's report is: the JSON and the readable page. */
    public record ReportKeys(String json, String html) {
    }

    public ReconcileRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(findingsKey, "findingsKey");
        Objects.requireNonNull(reportKeys, "reportKeys");
        Objects.requireNonNull(error, "error");
    }

    /** A new RUNNING run of {@code day}, with a fresh id that names the day. */
    public static ReconcileRun starting(LocalDate day, String trigger, Instant now) {
        String id = "rc-" + day.toString().replace("-", "") + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new ReconcileRun(id, day, trigger, RunStatus.RUNNING, now, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static String userTrigger(String sub) {
        return "user:" + sub;
    }

    public static boolean validId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** An error as the run keeps it: one line, bounded. */
    public static String boundedError(String error) {
        String oneLine = error == null ? "" : error.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR_LENGTH ? oneLine : oneLine.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
