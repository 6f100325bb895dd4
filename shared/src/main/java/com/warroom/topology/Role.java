package com.warroom.topology;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A caller's role, as carried in the {@code cognito:groups} claim. */
public enum Role {
    SUPER_ADMIN("super_admin"),
    OPS("ops"),
    FINANCE("finance"),
    REVIEWER("reviewer"),
    SUPPORT("support"),
    SERVICE("service");

    /** Every human staff role; {@link #SERVICE} is the platform's own backend. */
    public static final Set<Role> STAFF = EnumSet.of(SUPER_ADMIN, OPS, FINANCE, REVIEWER, SUPPORT);

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
