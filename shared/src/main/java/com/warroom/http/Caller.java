package com.warroom.http;

import com.warroom.topology.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The authenticated caller, read from the JWT claims API Gateway's authorizer passes on. */
public record Caller(String sub, String email, Set<Role> roles) {

    /** The OAuth scope the platform's backend gets through the client-credentials flow. */
    public static final String SERVICE_SCOPE = "warroom/service";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Optional<Caller> fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        // role service belongs to the backend's client-credentials token only, never to a person put in a group
        listClaim(claims.get("cognito:groups")).forEach(g -> Role.fromClaim(g).filter(r -> r != Role.SERVICE).ifPresent(roles::add));
        if (listClaim(claims.get("scope")).contains(SERVICE_SCOPE)) {
            roles.add(Role.SERVICE);
        }
        String email = claims.getOrDefault("email", "");
        return Optional.of(new Caller(claims.get("sub"), email, roles));
    }

    /** Sorted claim values of the roles, for records. */
    public List<String> roleNames() {
        return roles.stream().map(Role::claimValue).sorted().toList();
    }

    // API Gateway flattens array claims to text: "[ops super_admin]" (JWT authorizer), JSON text,
    // or a space-separated OAuth scope list.
    static List<String> listClaim(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String trimmed = raw.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.split("[\\s,]+"))
                .map(s -> s.replace("\"", "").trim())
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
