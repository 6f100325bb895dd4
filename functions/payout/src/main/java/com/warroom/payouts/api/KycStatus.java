package com.warroom.payouts.api;

import java.util.Arrays;
import java.util.Optional;

/** Where a user's KYC stands, as the platform reports it. */
enum KycStatus {
    NOT_STARTED, PENDING, APPROVED, REJECTED;

    static Optional<KycStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
