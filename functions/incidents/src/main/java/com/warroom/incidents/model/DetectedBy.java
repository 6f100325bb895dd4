package com.warroom.incidents.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an incident was noticed. */
public enum DetectedBy {
    ALERT, TICKET, PSP_DASHBOARD, INTERNAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DetectedBy> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.wire().equals(text)).findFirst();
    }

    public static String rule() {
        return "must be one of " + String.join(", ", Arrays.stream(values()).map(DetectedBy::wire).toList());
    }
}
