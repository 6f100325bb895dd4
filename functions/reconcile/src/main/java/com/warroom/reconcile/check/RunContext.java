package com.warroom.reconcile.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The run a comparison belongs to: its id, the day it reconciles (Asia/Jakarta) and when it started. */
public record RunContext(String runId, LocalDate day, Instant startedAt) {

    public RunContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
