package com.warroom.support.tickets;

import java.util.Arrays;
import java.util.Optional;

/** What a user reports. Only a BUG can be marked reproduced and fixed, and so earn EXP. */
public enum TicketType {
    BUG,
    SUGGESTION,
    CRITICISM,
    QUESTION;

    public static Optional<TicketType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
