package com.warroom.topology;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wiring of Warroom, described once: tables, queues, functions and routes. The CDK app builds AWS
 * resources from it and the local runner builds the embedded equivalents, so the two cannot drift.
 */
public final class Topology {

    public static final TableDef FLAGS = new TableDef("flags", "WARROOM_TABLE_FLAGS",
            KeyAttribute.string("flag"), Optional.of(KeyAttribute.string("scope")), List.of(), Optional.empty());

    /** Append-only, hash-chained audit log: one partition per chain, entries ordered by sequence number. */
    public static final TableDef AUDIT = new TableDef("audit", "WARROOM_TABLE_AUDIT",
            KeyAttribute.string("chain"), Optional.of(KeyAttribute.number("seq")),
            List.of(IndexDef.of("byTarget", KeyAttribute.string("target"), KeyAttribute.number("seq")),
                    IndexDef.of("byActor", KeyAttribute.string("actorSub"), KeyAttribute.number("seq"))),
            Optional.empty());

    public static final TableDef APPROVALS = new TableDef("approvals", "WARROOM_TABLE_APPROVALS",
            KeyAttribute.string("id"), Optional.empty(),
            List.of(IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("requestedAt"))),
            Optional.empty());

    /** Every applied flag change, for consumers that want to react faster than the 30-second cache. */
    public static final QueueDef FLAG_CHANGES = new QueueDef("flag-changes", "WARROOM_QUEUE_FLAG_CHANGES_URL", 30, 5);

    public static final FunctionDef FLAG_ADMIN = new FunctionDef("flag-admin", "functions/flag-toggle",
            "com.warroom.flags.api.FlagAdminHandler", 1024, 15,
            Map.of(FLAGS, TableAccess.READ_WRITE, AUDIT, TableAccess.READ_APPEND, APPROVALS, TableAccess.READ_WRITE),
            Set.of(FLAG_CHANGES), Set.of());

    public static final FunctionDef FLAG_READ = new FunctionDef("flag-read", "functions/flag-toggle",
            "com.warroom.flags.api.FlagReadHandler", 1024, 10,
            Map.of(FLAGS, TableAccess.READ), Set.of(), Set.of());

    public static final FunctionDef AUDIT_READ = new FunctionDef("audit-read", "functions/audit",
            "com.warroom.audit.api.AuditHandler", 1024, 30,
            Map.of(AUDIT, TableAccess.READ), Set.of(), Set.of());

    public static final FunctionDef HEALTH = new FunctionDef("health", "functions/health",
            "com.warroom.health.HealthHandler", 512, 10,
            Map.of(FLAGS, TableAccess.DESCRIBE, AUDIT, TableAccess.DESCRIBE, APPROVALS, TableAccess.DESCRIBE),
            Set.of(), Set.of(FLAG_CHANGES));

    private static final Set<Role> STAFF_AND_SERVICE = Stream.concat(Role.STAFF.stream(), Stream.of(Role.SERVICE))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<Role> AUDIT_READERS = EnumSet.of(Role.SUPER_ADMIN, Role.OPS, Role.FINANCE);

    private static final Topology WARROOM = new Topology(
            List.of(FLAGS, AUDIT, APPROVALS),
            List.of(FLAG_CHANGES),
            List.of(
                    new RouteDef("GET", "/v1/health", HEALTH, Set.of()),
                    new RouteDef("POST", "/v1/admin/system-flags/set", FLAG_ADMIN, EnumSet.of(Role.OPS, Role.SUPER_ADMIN)),
                    new RouteDef("GET", "/v1/system-flags", FLAG_READ, STAFF_AND_SERVICE),
                    new RouteDef("GET", "/v1/system-flags/check", FLAG_READ, STAFF_AND_SERVICE),
                    new RouteDef("GET", "/v1/admin/audit", AUDIT_READ, AUDIT_READERS),
                    new RouteDef("GET", "/v1/admin/audit/verify", AUDIT_READ, AUDIT_READERS)));

    private final List<TableDef> tables;
    private final List<QueueDef> queues;
    private final List<RouteDef> routes;
    private final Map<String, RouteDef> routesByKey;

    private Topology(List<TableDef> tables, List<QueueDef> queues, List<RouteDef> routes) {
        this.tables = List.copyOf(tables);
        this.queues = List.copyOf(queues);
        this.routes = List.copyOf(routes);
        Map<String, RouteDef> byKey = new LinkedHashMap<>();
        for (RouteDef route : routes) {
            if (byKey.put(route.routeKey(), route) != null) {
                throw new IllegalStateException("duplicate route " + route.routeKey());
            }
        }
        this.routesByKey = Map.copyOf(byKey);
    }

    public static Topology warroom() {
        return WARROOM;
    }

    public List<TableDef> tables() {
        return tables;
    }

    public List<QueueDef> queues() {
        return queues;
    }

    public List<RouteDef> routes() {
        return routes;
    }

    /** Functions in route order, each once. */
    public List<FunctionDef> functions() {
        return routes.stream().map(RouteDef::function).distinct().toList();
    }

    public Optional<RouteDef> route(String routeKey) {
        return Optional.ofNullable(routesByKey.get(routeKey));
    }
}
