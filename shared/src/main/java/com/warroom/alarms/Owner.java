package com.warroom.alarms;

import java.util.Locale;

/** Who is paged first for an alarm: the team that can act on what it means. */
public enum Owner {
    BACKEND, OPS, FINANCE;

    /** The value of the alarm's {@code owner} tag: {@code backend}, {@code ops}, {@code finance}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
