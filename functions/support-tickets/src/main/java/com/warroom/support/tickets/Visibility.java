package com.warroom.support.tickets;

import java.util.Arrays;
import java.util.Optional;

/** Who a comment is for: staff only, or the user too (a reply the platform may show; it counts as a first response). */
public enum Visibility {
    INTERNAL,
    USER;

    public static Optional<Visibility> parse(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
