package com.warroom.money;

import java.util.Objects;

/** What one recipient gets of a split fee, in minor units. */
public record FeePart(FeeRecipient to, long minor) {

    public FeePart {
        Objects.requireNonNull(to, "to");
    }
}
