package com.warroom.local.gateway;

import com.warroom.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flattens JWT claims to the strings API Gateway's JWT authorizer passes to functions: arrays as
 * {@code [a b]} (so a name holding a comma stays one entry), numbers and booleans as their text, objects as JSON text,
 * null claims left out and null entries of an array as {@code null}.
 */
final class ClaimText {

    private ClaimText() {
    }

    static Map<String, String> flatten(Map<String, Object> claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                flat.put(name, text(value));
            }
        });
        return flat;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> s;
            case List<?> list -> list.stream().map(ClaimText::text).collect(Collectors.joining(" ", "[", "]"));
            case Map<?, ?> map -> Json.write(map);
            default -> String.valueOf(value);
        };
    }
}
