package com.warroom.config;

import com.warroom.topology.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person on the admin roster and the staff roles they hold. {@code sub} is their Cognito subject
 * once known. Emails are lowercase so that matching a token's email claim needs no case rules.
 */
public record RosterMember(String email, Optional<String> sub, Set<Role> roles) {

    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+");
    private static final Pattern SUB = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_EMAIL_LENGTH = 254;

    public RosterMember {
        emailProblem(email).ifPresent(p -> {
            throw new IllegalArgumentException("email " + p);
        });
        Objects.requireNonNull(sub, "sub");
        sub.flatMap(RosterMember::subProblem).ifPresent(p -> {
            throw new IllegalArgumentException("sub " + p);
        });
        if (roles.isEmpty() || !Role.STAFF.containsAll(roles)) {
            throw new IllegalArgumentException("roles must be one or more staff roles: " + roles);
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** Why {@code email} cannot identify a roster member, or empty when it can. */
    public static Optional<String> emailProblem(String email) {
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            return Optional.of("must be a lowercase email address such as ops.lead@example.com");
        }
        return Optional.empty();
    }

    /** Why {@code sub} cannot be a Cognito subject, or empty when it can. */
    public static Optional<String> subProblem(String sub) {
        if (sub == null || !SUB.matcher(sub).matches()) {
            return Optional.of("must be the person's token subject: 1 to 128 letters, digits and ._:- characters");
        }
        return Optional.empty();
    }
}
