package com.warroom.slo.history;

/** How many times an alarm went into ALARM in a report's window. */
public record AlarmFiring(String name, int firings) {
}
