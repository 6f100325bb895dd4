package com.warroom.topology;

import java.util.Set;

/**
 * One route of an HTTP-triggered function: method, path (with {@code {name}} variables), the roles that may call it
 * (none: the route carries no JWT, e.g. health and PSP webhooks) and its {@link Idempotency}.
 */
public record HttpRoute(String method, String path, Set<Role> roles, Idempotency idempotency) {

    public HttpRoute {
        roles = Set.copyOf(roles);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
        if (method.equals("GET") && idempotency != Idempotency.NONE) {
            throw new IllegalArgumentException("GET " + path + " reads: its idempotency is NONE");
        }
    }

    /** Whether requests carry a body: every method but GET. */
    public boolean takesBody() {
        return !method.equals("GET");
    }

    public static HttpRoute get(String path, Set<Role> roles) {
        return new HttpRoute("GET", path, roles, Idempotency.NONE);
    }

    public static HttpRoute post(String path, Set<Role> roles, Idempotency idempotency) {
        return new HttpRoute("POST", path, roles, idempotency);
    }
}
