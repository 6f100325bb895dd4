package com.warroom.slo.history;

import java.util.Optional;

/** An incident detected in a report's window: its severity and, once resolved, its time to resolve (MTTR) in minutes. */
public record IncidentSummary(String incidentId, String title, Optional<String> severity, String status, String detectedAt,
                              Optional<Long> mttrMinutes) {
}
