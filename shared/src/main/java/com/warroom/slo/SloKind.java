package com.warroom.slo;

import java.util.Arrays;
import java.util.Optional;

/** What an SLO measures; {@link #wireName()} is how {@code config/slo.json} spells it. */
public enum SloKind {
    /** Requests of a route group answered without a 5xx. */
    API_AVAILABILITY("api-availability"),
    /** Requests of a route group answered within the SLO's threshold (p95 under it when the objective is 0.95). */
    API_LATENCY("api-latency"),
    /** PSP and custody deliveries answered without a 5xx, so the sender need not retry. */
    WEBHOOK_SUCCESS("webhook-success"),
    /** Payouts CONFIRMED within the configured minutes of their request. */
    PAYOUT_SLA("payout-sla"),
    /** Platform events of one type taken in rather than dead-lettered. */
    PLATFORM_EVENT_SUCCESS("platform-event-success"),
    /** Orders and payouts final within the limit (the rest were stuck). */
    STUCK_SHARE("stuck-share");

    private final String wireName;

    SloKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SloKind> of(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst();
    }
}
