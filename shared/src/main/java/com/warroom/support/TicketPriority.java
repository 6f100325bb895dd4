package com.warroom.support;

import java.util.Arrays;
import java.util.Optional;

/**
 * How urgent a support ticket is, most urgent first; the EXP a reproduced and fixed bug earns is configured per
 * priority.
 */
public enum TicketPriority {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public static Optional<TicketPriority> parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
