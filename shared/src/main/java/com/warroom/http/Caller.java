package com.warroom.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        groupsClaim(claims.get("cognito:groups")).forEach(g -> Role.fromClaim(g).filter(r -> r != Role.SERVICE).ifPresent(roles::add));
        if (words(claims.get("scope")).contains(SERVICE_SCOPE)) {
            roles.add(Role.SERVICE);
        }
        String email = claims.getOrDefault("email", "");
        return Optional.of(new Caller(claims.get("sub"), email, roles));
    }

    /** Sorted claim values of the roles, for records. */
    public List<String> roleNames() {
        return roles.stream().map(Role::claimValue).sorted().toList();
    }

    /**
     * The groups of a {@code cognito:groups} claim. API Gateway's JWT authorizer flattens an array claim to
     * {@code [a b]}; other paths deliver its JSON text {@code ["a","b"]}; a bare value is one group. Cognito
     * group names hold no whitespace but may hold commas, so a comma never splits: {@code support,super_admin}
     * is one (unknown) group. {@code null} entries are dropped.
     */
    static List<String> groupsClaim(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String trimmed = raw.strip();
        if (!(trimmed.startsWith("[") && trimmed.endsWith("]"))) {
            return words(trimmed);
        }
        return jsonArray(trimmed).orElseGet(() -> words(trimmed.substring(1, trimmed.length() - 1)).stream()
                .filter(group -> !group.equals("null")).toList());
    }

    private static Optional<List<String>> jsonArray(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (!node.isArray()) {
                return Optional.empty();
            }
            List<String> groups = new ArrayList<>();
            node.forEach(element -> {
                if (element.isTextual() && !element.textValue().isBlank()) {
                    groups.add(element.textValue().strip());
                }
            });
            return Optional.of(groups);
        } catch (JsonProcessingException notJson) {
            // the authorizer's [a b] form is not JSON
            return Optional.empty();
        }
    }

    // an OAuth scope claim is space-separated (RFC 6749 section 3.3)
    static List<String> words(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
