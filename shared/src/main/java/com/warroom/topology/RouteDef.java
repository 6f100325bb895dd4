package com.warroom.topology;

import java.util.Set;

/**
 * One HTTP API route. An empty role set means the route carries no JWT (health, PSP webhooks);
 * otherwise the caller needs at least one of the roles.
 */
public record RouteDef(String method, String path, FunctionDef function, Set<Role> roles) {

    public RouteDef {
        roles = Set.copyOf(roles);
    }

    /** API Gateway's route key, e.g. {@code POST /v1/admin/system-flags/set}. */
    public String routeKey() {
        return method + " " + path;
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }

    public boolean allows(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }
}
