package com.warroom.oncall;

import java.util.Locale;
import java.util.Optional;

/** An area of the on-call roster: who is paged for what. */
public enum OnCallArea {
    BACKEND, OPS, FINANCE;

    /**
     * The area whose primary owns an incident on {@code component} (the incident components of the payment SOP):
     * money records to finance, the flows users see to ops, the plumbing to backend.
     */
    public static OnCallArea forComponent(String component) {
        return switch (component.toLowerCase(Locale.ROOT)) {
            case "payout", "refund", "ledger" -> FINANCE;
            case "payment", "contribute", "claim", "access" -> OPS;
            default -> BACKEND;
        };
    }

    /** {@code backend}, {@code ops}, {@code finance}: the area as the config and the API name it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OnCallArea> parse(String text) {
        for (OnCallArea area : values()) {
            if (area.name().equalsIgnoreCase(text)) {
                return Optional.of(area);
            }
        }
        return Optional.empty();
    }
}
