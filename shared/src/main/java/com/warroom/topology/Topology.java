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

    /** Seed config snapshots: one item per config version, the newest is the config in force. */
    public static final TableDef CONFIG = new TableDef("config", "WARROOM_TABLE_CONFIG",
            KeyAttribute.string("kind"), Optional.of(KeyAttribute.number("version")), List.of(), Optional.empty());

    /** Approvers are told of every new approval request here. */
    public static final TopicDef APPROVAL_NOTICES = new TopicDef("approval-notices", "WARROOM_TOPIC_APPROVAL_NOTICES_ARN");

    /** Every applied flag change, for consumers that want to react faster than the 30-second cache. */
    public static final QueueDef FLAG_CHANGES = new QueueDef("flag-changes", "WARROOM_QUEUE_FLAG_CHANGES_URL", 30, 5);

    public static final FunctionDef FLAG_ADMIN = new FunctionDef("flag-admin", "functions/flag-toggle",
            "com.warroom.flags.api.FlagAdminHandler", 1024, 15,
            Map.of(FLAGS, TableAccess.READ_WRITE, AUDIT, TableAccess.READ_APPEND, APPROVALS, TableAccess.READ_WRITE),
            Set.of(FLAG_CHANGES), Set.of())
            .starting(Topology.APPROVAL_WORKFLOW_NAME);

    public static final FunctionDef FLAG_READ = new FunctionDef("flag-read", "functions/flag-toggle",
            "com.warroom.flags.api.FlagReadHandler", 1024, 10,
            Map.of(FLAGS, TableAccess.READ), Set.of(), Set.of());

    public static final FunctionDef AUDIT_READ = new FunctionDef("audit-read", "functions/audit",
            "com.warroom.audit.api.AuditHandler", 1024, 30,
            Map.of(AUDIT, TableAccess.READ), Set.of(), Set.of());

    public static final FunctionDef HEALTH = new FunctionDef("health", "functions/health",
            "com.warroom.health.HealthHandler", 512, 10,
            Map.of(FLAGS, TableAccess.DESCRIBE, AUDIT, TableAccess.DESCRIBE, APPROVALS, TableAccess.DESCRIBE,
                    CONFIG, TableAccess.DESCRIBE),
            Set.of(), Set.of(FLAG_CHANGES));

    public static final String APPROVAL_WORKFLOW_NAME = "approval";

    private static final Map<TableDef, TableAccess> APPROVAL_STEP_TABLES =
            Map.of(APPROVALS, TableAccess.READ_WRITE, AUDIT, TableAccess.READ_APPEND);

    public static final FunctionDef APPROVAL_RECORD = new FunctionDef("approval-record", "functions/approvals",
            "com.warroom.approvals.workflow.RecordRequestHandler", 1024, 30, APPROVAL_STEP_TABLES, Set.of(), Set.of())
            .publishing(APPROVAL_NOTICES);

    public static final FunctionDef APPROVAL_AWAIT = new FunctionDef("approval-await", "functions/approvals",
            "com.warroom.approvals.workflow.AwaitDecisionHandler", 1024, 30, APPROVAL_STEP_TABLES, Set.of(), Set.of());

    /** Applies an approved action: the only workflow step that writes the flags and the config. */
    public static final FunctionDef APPROVAL_APPLY = new FunctionDef("approval-apply", "functions/approvals",
            "com.warroom.approvals.workflow.ApplyApprovalHandler", 1024, 60,
            Map.of(APPROVALS, TableAccess.READ_WRITE, AUDIT, TableAccess.READ_APPEND, FLAGS, TableAccess.READ_WRITE,
                    CONFIG, TableAccess.READ_WRITE), Set.of(), Set.of());

    public static final FunctionDef APPROVAL_OUTCOME = new FunctionDef("approval-outcome", "functions/approvals",
            "com.warroom.approvals.workflow.RecordOutcomeHandler", 1024, 30, APPROVAL_STEP_TABLES, Set.of(), Set.of());

    public static final WorkflowDef APPROVAL = new WorkflowDef(APPROVAL_WORKFLOW_NAME, "WARROOM_WORKFLOW_APPROVAL_ARN",
            APPROVAL_RECORD, APPROVAL_AWAIT, APPROVAL_APPLY, APPROVAL_OUTCOME, java.time.Duration.ofHours(24));

    /** The approval routes; the only function allowed to complete the workflow's waiting tasks. */
    public static final FunctionDef APPROVALS_API = new FunctionDef("approvals-api", "functions/approvals",
            "com.warroom.approvals.api.ApprovalsApiHandler", 1024, 15, APPROVAL_STEP_TABLES, Set.of(), Set.of())
            .completingTasksOf(APPROVAL_WORKFLOW_NAME);

    /** The read-only config routes: networks, treasury wallets, fee rules (never secrets). */
    public static final FunctionDef CONFIG_READ = new FunctionDef("config-read", "functions/config",
            "com.warroom.config.api.ConfigReadHandler", 1024, 10, Map.of(CONFIG, TableAccess.READ), Set.of(), Set.of());

    /** Requests a config change: validates it against the config in force, records a PENDING approval, starts the workflow. */
    public static final FunctionDef CONFIG_CHANGE = new FunctionDef("config-change", "functions/config",
            "com.warroom.config.api.ConfigChangeHandler", 1024, 15,
            Map.of(CONFIG, TableAccess.READ, APPROVALS, TableAccess.READ_WRITE, AUDIT, TableAccess.READ_APPEND),
            Set.of(), Set.of())
            .starting(APPROVAL_WORKFLOW_NAME);

    /** Loads the seed config into an empty config table; invoked once after the first deploy, never routed. */
    public static final FunctionDef CONFIG_SEED = new FunctionDef("config-seed", "functions/config",
            "com.warroom.config.seed.SeedHandler", 1024, 60,
            Map.of(CONFIG, TableAccess.READ_WRITE, AUDIT, TableAccess.READ_APPEND), Set.of(), Set.of());

    private static final Set<Role> STAFF_AND_SERVICE = Stream.concat(Role.STAFF.stream(), Stream.of(Role.SERVICE))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<Role> AUDIT_READERS = EnumSet.of(Role.SUPER_ADMIN, Role.OPS, Role.FINANCE);
    /** The requesters of a CONFIG_CHANGE approval (see its action in the approvals registry). */
    private static final Set<Role> CONFIG_REQUESTERS = EnumSet.of(Role.SUPER_ADMIN, Role.FINANCE);

    private static final Topology WARROOM = new Topology(
            List.of(FLAGS, AUDIT, APPROVALS, CONFIG),
            List.of(FLAG_CHANGES),
            List.of(APPROVAL_NOTICES),
            List.of(APPROVAL),
            List.of(
                    new RouteDef("GET", "/v1/health", HEALTH, Set.of()),
                    new RouteDef("POST", "/v1/admin/system-flags/set", FLAG_ADMIN, EnumSet.of(Role.OPS, Role.SUPER_ADMIN)),
                    new RouteDef("GET", "/v1/system-flags", FLAG_READ, STAFF_AND_SERVICE),
                    new RouteDef("GET", "/v1/system-flags/check", FLAG_READ, STAFF_AND_SERVICE),
                    new RouteDef("GET", "/v1/admin/audit", AUDIT_READ, AUDIT_READERS),
                    new RouteDef("GET", "/v1/admin/audit/verify", AUDIT_READ, AUDIT_READERS),
                    new RouteDef("GET", "/v1/admin/approvals", APPROVALS_API, AUDIT_READERS),
                    new RouteDef("GET", "/v1/admin/approvals/{id}", APPROVALS_API, AUDIT_READERS),
                    new RouteDef("POST", "/v1/admin/approvals/{id}/approve", APPROVALS_API, AUDIT_READERS),
                    new RouteDef("POST", "/v1/admin/approvals/{id}/reject", APPROVALS_API, AUDIT_READERS),
                    new RouteDef("GET", "/v1/config/networks", CONFIG_READ, STAFF_AND_SERVICE),
                    new RouteDef("GET", "/v1/config/treasury", CONFIG_READ, STAFF_AND_SERVICE),
                    new RouteDef("GET", "/v1/config/fee-rules", CONFIG_READ, STAFF_AND_SERVICE),
                    new RouteDef("POST", "/v1/admin/config/changes", CONFIG_CHANGE, CONFIG_REQUESTERS)),
            List.of(CONFIG_SEED));

    private final List<TableDef> tables;
    private final List<QueueDef> queues;
    private final List<TopicDef> topics;
    private final List<WorkflowDef> workflows;
    private final List<RouteDef> routes;
    private final List<FunctionDef> standalone;
    private final Map<String, RouteDef> routesByKey;

    private Topology(List<TableDef> tables, List<QueueDef> queues, List<TopicDef> topics, List<WorkflowDef> workflows,
                     List<RouteDef> routes, List<FunctionDef> standalone) {
        this.tables = List.copyOf(tables);
        this.queues = List.copyOf(queues);
        this.topics = List.copyOf(topics);
        this.workflows = List.copyOf(workflows);
        this.routes = List.copyOf(routes);
        this.standalone = List.copyOf(standalone);
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

    /** Another wiring, for tests of the machinery that realizes a topology. */
    public static Topology of(List<TableDef> tables, List<QueueDef> queues, List<TopicDef> topics,
                              List<WorkflowDef> workflows, List<RouteDef> routes) {
        return of(tables, queues, topics, workflows, routes, List.of());
    }

    /** Another wiring with functions that no route or workflow calls (invoked by hand or by a deploy trigger). */
    public static Topology of(List<TableDef> tables, List<QueueDef> queues, List<TopicDef> topics,
                              List<WorkflowDef> workflows, List<RouteDef> routes, List<FunctionDef> standalone) {
        return new Topology(tables, queues, topics, workflows, routes, standalone);
    }

    public List<TopicDef> topics() {
        return topics;
    }

    public List<WorkflowDef> workflows() {
        return workflows;
    }

    public Optional<WorkflowDef> workflow(String logicalName) {
        return workflows.stream().filter(w -> w.logicalName().equals(logicalName)).findFirst();
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

    /** Functions in route order, then the workflows' task functions, then the standalone ones, each once. */
    public List<FunctionDef> functions() {
        return Stream.of(routes.stream().map(RouteDef::function), workflows.stream().flatMap(w -> w.functions().stream()),
                        standalone.stream())
                .flatMap(s -> s)
                .distinct().toList();
    }

    /** Functions that no route or workflow calls, such as the config seed. */
    public List<FunctionDef> standalone() {
        return standalone;
    }

    public Optional<RouteDef> route(String routeKey) {
        return Optional.ofNullable(routesByKey.get(routeKey));
    }
}
