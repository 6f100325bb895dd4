package com.warroom.money;

import java.util.Arrays;
import java.util.Optional;

/** Who receives a share of a fee. */
public enum FeeRecipient {
    TREASURY("treasury"),
    REFERRAL("referral"),
    SBT("sbt"),
    CREATOR("creator");

    private final String wireName;

    FeeRecipient(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON. */
    public String wireName() {
        return wireName;
    }

    public static Optional<FeeRecipient> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
