package com.warroom.topology;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One route of an HTTP-triggered function: method, path (with {@code {name}} variables), the roles that may call it
 * (none: the route carries no JWT, e.g. health and PSP webhooks), its {@link Idempotency} and, for a public route, its
 * own {@link Throttle}.
 */
public record HttpRoute(String method, String path, Set<Role> roles, Idempotency idempotency, Optional<Throttle> throttle) {

    public HttpRoute {
        roles = Set.copyOf(roles);
        Objects.requireNonNull(throttle, "throttle");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
        if (method.equals("GET") && idempotency != Idempotency.NONE) {
            throw new IllegalArgumentException("GET " + path + " reads: its idempotency is NONE");
        }
    }

    public HttpRoute(String method, String path, Set<Role> roles, Idempotency idempotency) {
        this(method, path, roles, idempotency, Optional.empty());
    }

    /** This route, limited to {@code ratePerSecond} requests a second with bursts of {@code burst}. */
    public HttpRoute throttled(int ratePerSecond, int burst) {
        return new HttpRoute(method, path, roles, idempotency, Optional.of(new Throttle(ratePerSecond, burst)));
    }

    /** Whether requests carry a body: every method but GET. */
    public boolean takesBody() {
        return !method.equals("GET");
    }

    public static HttpRoute get(String path, Set<Role> roles) {
        return new HttpRoute("GET", path, roles, Idempotency.NONE);
    }

    /** A PUT: the whole state of one resource, so the same request twice leaves the same state (no idempotency key). */
    public static HttpRoute put(String path, Set<Role> roles) {
        return new HttpRoute("PUT", path, roles, Idempotency.NONE);
    }

    public static HttpRoute post(String path, Set<Role> roles, Idempotency idempotency) {
        return new HttpRoute("POST", path, roles, idempotency);
    }
}
