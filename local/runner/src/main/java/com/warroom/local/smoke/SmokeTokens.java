package com.warroom.local.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who the smoke test calls as: a token per role (for the access checks), the two smoke identities of the two-person
 * checks ({@code requester}: role ops; {@code approver}: role super_admin, another person), and optionally the Midtrans
 * server key, which lets it sign a notification for an unknown smoke order to get a payment review to override. A
 * missing token skips the checks that need it.
 */
public record SmokeTokens(Map<Role, String> roles, Optional<String> requester, Optional<String> approver,
                          Optional<String> midtransServerKey) {

    public static final String ENV_ROLE_PREFIX = "WARROOM_SMOKE_TOKEN_";
    public static final String ENV_REQUESTER = "WARROOM_SMOKE_REQUESTER_TOKEN";
    public static final String ENV_APPROVER = "WARROOM_SMOKE_APPROVER_TOKEN";
    public static final String ENV_MIDTRANS_KEY = "WARROOM_SMOKE_MIDTRANS_SERVER_KEY";

    public SmokeTokens {
        roles = Map.copyOf(roles);
    }

    public Optional<String> role(Role role) {
        return Optional.ofNullable(roles.get(role));
    }

    /**
     * {@code {"roles":{"ops":"<jwt>","finance":"<jwt>",...},"requester":"<jwt>","approver":"<jwt>","midtransServerKey":"..."}};
     * every field optional.
     */
    public static SmokeTokens fromFile(Path file) throws IOException {
        JsonNode node = Json.readTree(Files.readString(file));
        if (!node.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        Map<Role, String> roles = new EnumMap<>(Role.class);
        JsonNode given = node.path("roles");
        Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Role role = Role.fromClaim(field.getKey())
                    .orElseThrow(() -> new IOException(file + ": roles." + field.getKey() + " is not a role"));
            if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                throw new IOException(file + ": roles." + field.getKey() + " must be a token");
            }
            roles.put(role, field.getValue().asText());
        }
        return new SmokeTokens(roles, text(node, "requester"), text(node, "approver"), text(node, "midtransServerKey"));
    }

    /** {@code WARROOM_SMOKE_TOKEN_<ROLE>} (e.g. {@code WARROOM_SMOKE_TOKEN_SUPER_ADMIN}), the requester, approver and key variables. */
    public static SmokeTokens fromEnvironment(Map<String, String> env) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Optional.ofNullable(env.get(ENV_ROLE_PREFIX + role.name().toUpperCase(Locale.ROOT))).filter(v -> !v.isBlank())
                    .ifPresent(token -> roles.put(role, token));
        }
        return new SmokeTokens(roles, nonBlank(env.get(ENV_REQUESTER)), nonBlank(env.get(ENV_APPROVER)),
                nonBlank(env.get(ENV_MIDTRANS_KEY)));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? nonBlank(node.get(field).asText()) : Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
