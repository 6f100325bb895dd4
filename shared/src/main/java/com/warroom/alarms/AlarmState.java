package com.warroom.alarms;

/** An alarm's state, as CloudWatch names them. */
public enum AlarmState {
    OK, ALARM, INSUFFICIENT_DATA
}
