package com.warroom.slo;

import java.util.List;

/**
 * Routes measured together, by path prefix: a route belongs to the group one of whose prefixes is its path or a leading
 * run of its path's segments ({@code /v1/payouts} covers {@code /v1/payouts/{payoutId}}, not {@code /v1/payoutsx}).
 */
public record RouteGroup(String id, String name, List<String> prefixes) {

    public RouteGroup {
        prefixes = List.copyOf(prefixes);
    }

    /** Whether a route of this path belongs to this group. */
    public boolean covers(String path) {
        return prefixes.stream().anyMatch(prefix -> startsWithSegments(path, prefix));
    }

    static boolean startsWithSegments(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
