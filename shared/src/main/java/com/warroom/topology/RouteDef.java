package com.warroom.topology;

import java.util.Set;

/**
 * One HTTP API route with the function it calls, as the topology lists it. An empty role set means the route carries
 * no JWT (health, PSP webhooks); otherwise the caller needs at least one of the roles.
 */
public record RouteDef(HttpRoute route, FunctionDef function) {

    public String method() {
        return route.method();
    }

    public String path() {
        return route.path();
    }

    public Set<Role> roles() {
        return route.roles();
    }

    public Idempotency idempotency() {
        return route.idempotency();
    }

    public boolean takesBody() {
        return route.takesBody();
    }

    /** API Gateway's route key, e.g. {@code POST /v1/admin/system-flags/set}. */
    public String routeKey() {
        return route.method() + " " + route.path();
    }

    public boolean isPublic() {
        return route.roles().isEmpty();
    }

    public boolean allows(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(route.roles()::contains);
    }
}
