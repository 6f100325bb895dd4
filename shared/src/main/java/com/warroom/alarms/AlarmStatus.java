package com.warroom.alarms;

import java.time.Instant;
import java.util.Optional;

/**
 * What an alarm's rule says now: its state, the latest value it saw (none when no period had data), and since when the
 * state holds when the data reaches back to the change.
 */
public record AlarmStatus(AlarmRule rule, AlarmState state, Optional<Double> value, Optional<Instant> since, Instant evaluatedAt) {
}
