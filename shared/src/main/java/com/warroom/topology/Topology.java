package com.warroom.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wiring of Warroom, described once: tables, queues, topics, secrets, workflows and the functions with what
 * starts them. The CDK app builds AWS resources from it and the local runner builds the embedded equivalents, so the
 * two cannot drift.
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

    /**
     * First answers of idempotent requests (key: route, caller and {@code Idempotency-Key}) and the business ids of
     * messages a consumer has acted on; items expire 24 hours after they were written (epoch seconds in {@code expiresAt}).
     */
    public static final TableDef IDEMPOTENCY = new TableDef("idempotency", "WARROOM_TABLE_IDEMPOTENCY",
            KeyAttribute.string("key"), Optional.empty(), List.of(), Optional.of("expiresAt"));

    /** Approvers are told of every new approval request here. */
    public static final TopicDef APPROVAL_NOTICES = new TopicDef("approval-notices", "WARROOM_TOPIC_APPROVAL_NOTICES_ARN");

    /** The war-room channel: every applied kill-switch change, in one line a person reads. */
    public static final TopicDef OPS_NOTICES = new TopicDef("ops-notices", "WARROOM_TOPIC_OPS_NOTICES_ARN");

    /**
     * Where every CloudWatch alarm sends its ALARM and OK (subscribe the on-call people or a chat integration), and
     * where {@code POST /v1/admin/alerts/test} publishes a test alert.
     */
    public static final TopicDef ALERTS = new TopicDef("alerts", "WARROOM_TOPIC_ALERTS_ARN");

    /** Every applied flag change, for consumers that want to react faster than the 30-second cache. */
    public static final QueueDef FLAG_CHANGES = new QueueDef("flag-changes", "WARROOM_QUEUE_FLAG_CHANGES_URL", 30, 5);

    /** Seals kill-switch states, approval requests and the audit head (issue 8). */
    public static final KeyDef SEALS = new KeyDef("seals", "WARROOM_KEY_SEALS_ID");

    /**
     * Copies of the audit head and the flag seal, taken every 5 minutes outside their tables, write-once: what an
     * insider who can rewrite the tables (and restore an old head or seal with them) cannot rewrite.
     */
    public static final BucketDef ANCHORS = new BucketDef("anchors", 400);

    /**
     * Orders the platform expects to be paid: one sealed item each, with its state; PENDING ones by age in byStatus; a
     * user's in byUser and a customer email's in byEmail (support's lookup), newest last.
     */
    public static final TableDef ORDERS = new TableDef("orders", "WARROOM_TABLE_ORDERS",
            KeyAttribute.string("orderId"), Optional.empty(),
            List.of(IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("createdAt")),
                    IndexDef.of("byUser", KeyAttribute.string("userId"), KeyAttribute.string("createdAt")),
                    IndexDef.of("byEmail", KeyAttribute.string("emailKey"), KeyAttribute.string("createdAt"))),
            Optional.empty());

    /**
     * Append-only, one partition per order: each Midtrans notification as received (deduplicated by its event key) and
     * each check with Midtrans's get-status API with the transition it applied. Nothing is ever updated or deleted. A
     * notification's Midtrans {@code transactionId} in byTransaction (support's lookup).
     */
    public static final TableDef PAYMENT_EVENTS = new TableDef("payment-events", "WARROOM_TABLE_PAYMENT_EVENTS",
            KeyAttribute.string("orderId"), Optional.of(KeyAttribute.string("eventKey")),
            List.of(new IndexDef("byTransaction", KeyAttribute.string("transactionId"), Optional.empty())), Optional.empty());

    /** Payment events that were not applied and need a person: amount mismatches, unknown orders, disagreements. */
    public static final TableDef PAYMENT_REVIEWS = new TableDef("payment-reviews", "WARROOM_TABLE_PAYMENT_REVIEWS",
            KeyAttribute.string("id"), Optional.empty(),
            List.of(IndexDef.of("byState", KeyAttribute.string("state"), KeyAttribute.string("createdAt"))), Optional.empty());

    /** Each ledger account's sealed running balance, one item per account and currency. */
    public static final TableDef LEDGER_BALANCES = new TableDef("ledger-balances", "WARROOM_TABLE_LEDGER_BALANCES",
            KeyAttribute.string("account"), Optional.of(KeyAttribute.string("currency")), List.of(), Optional.empty());

    /** Append-only: journal entries (deterministic ids) and each account's hash-chained lines. */
    public static final TableDef LEDGER_ENTRIES = new TableDef("ledger-entries", "WARROOM_TABLE_LEDGER_ENTRIES",
            KeyAttribute.string("key"), Optional.of(KeyAttribute.number("seq")), List.of(), Optional.empty());

    /** What each user has paid for: one item per user and item. */
    public static final TableDef ENTITLEMENTS = new TableDef("entitlements", "WARROOM_TABLE_ENTITLEMENTS",
            KeyAttribute.string("userId"), Optional.of(KeyAttribute.string("item")), List.of(), Optional.empty());

    /** Notifications to send (deterministic ids, so each is created once), with their delivery state; FAILED ones in byStatus. */
    public static final TableDef OUTBOX = new TableDef("outbox", "WARROOM_TABLE_OUTBOX",
            KeyAttribute.string("id"), Optional.empty(),
            List.of(IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("createdAt"))), Optional.empty());

    /** Payment events to apply (from the webhook) and orders to check with Midtrans (from the sweeper and the PSP reconcile route). */
    public static final QueueDef PAYMENT_CHECKS = new QueueDef("payment-checks", "WARROOM_QUEUE_PAYMENT_CHECKS_URL", 120, 5);

    /** Outbox items to deliver. */
    public static final QueueDef NOTIFICATIONS = new QueueDef("notifications", "WARROOM_QUEUE_NOTIFICATIONS_URL", 60, 5);

    /** Checks Midtrans notifications' signatures and authenticates get-status calls (Basic auth). */
    public static final SecretDef MIDTRANS_SERVER_KEY = new SecretDef("midtrans-server-key",
            "the Midtrans server key: checks notification signatures, authenticates calls to Midtrans's API");

    /** The WhatsApp provider's API token (the WhatsApp channel is off until the provider's base URL is configured). */
    public static final SecretDef WHATSAPP_API_TOKEN = new SecretDef("whatsapp-api-token",
            "the WhatsApp provider's API token");

    /** Midtrans's Core API: sandbox by default, production by the CDK context key midtransBaseUrl. */
    public static final ExternalApiDef MIDTRANS_API = new ExternalApiDef("midtrans", "WARROOM_MIDTRANS_BASE_URL",
            Optional.of("https://api.sandbox.midtrans.com"));

    /** The WhatsApp HTTP provider: no default, so the channel is off until configured (CDK context whatsappBaseUrl). */
    public static final ExternalApiDef WHATSAPP_API = new ExternalApiDef("whatsapp", "WARROOM_WHATSAPP_BASE_URL", Optional.empty());

    /** Payment notifications to users, by email. */
    public static final MailDef NOTIFICATION_MAIL = new MailDef("notifications", "WARROOM_MAIL_NOTIFICATIONS_FROM");

    /**
     * What the platform tells Warroom of its users: each user's sealed primary wallet (and since when it is theirs, for
     * the cooling-off after a change), blue check, KYC status and active referrals; by primary wallet in byWallet
     * ({@code walletKey}: EVM addresses in lower case), for support's lookup.
     */
    public static final TableDef USERS = new TableDef("users", "WARROOM_TABLE_USERS",
            KeyAttribute.string("userId"), Optional.empty(),
            List.of(new IndexDef("byWallet", KeyAttribute.string("walletKey"), Optional.empty())), Optional.empty());

    /**
     * Payouts, one sealed item each (id = the request's Idempotency-Key), with their state; by status and last change
     * in byStatus (the ops queue, the sweeper, the stuck list), by user and creation in byUser, by the chain
     * transaction that paid it in byTxHash (support's lookup).
     */
    public static final TableDef PAYOUTS = new TableDef("payouts", "WARROOM_TABLE_PAYOUTS",
            KeyAttribute.string("payoutId"), Optional.empty(),
            List.of(IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("updatedAt")),
                    IndexDef.of("byUser", KeyAttribute.string("userId"), KeyAttribute.string("createdAt")),
                    new IndexDef("byTxHash", KeyAttribute.string("txHash"), Optional.empty())),
            Optional.empty());

    /** Payouts for the worker to move on: new, due for a retry, submitted and waiting for the rail's final word. */
    public static final QueueDef PAYOUT_WORK = new QueueDef("payouts", "WARROOM_QUEUE_PAYOUTS_URL", 120, 8);

    /** The custody API's key, sent as X-API-Key. */
    public static final SecretDef CUSTODY_API_KEY = new SecretDef("custody-api-key", "the custody API's key (X-API-Key)");

    /** The RSA private key (PEM) that signs each custody API request's JWT. */
    public static final SecretDef CUSTODY_SIGNING_KEY = new SecretDef("custody-signing-key",
            "the RSA private key (PKCS#8 PEM) that signs each custody API request's JWT");

    /** The custodian's RSA public key (PEM) that callbacks are signed with. */
    public static final SecretDef CUSTODY_CALLBACK_KEY = new SecretDef("custody-callback-key",
            "the custodian's RSA public key (X.509 PEM) that checks its callbacks' signatures");

    /** The custody API payouts are paid through (Fireblocks-shaped); CDK context key custodyBaseUrl. */
    public static final ExternalApiDef CUSTODY_API = new ExternalApiDef("custody", "WARROOM_CUSTODY_BASE_URL",
            Optional.of("https://api.fireblocks.io"));

    /**
     * What the platform told Warroom happened (contributions, round finalizations, fees, referral claims, refunds): one
     * item per event id, written once with what it posted; by type and time in byType; a user's (contributions,
     * referral claims, refunds) by time in byUser; a contribution by its chain transaction in byTxHash.
     */
    public static final TableDef PLATFORM_EVENTS = new TableDef("platform-events", "WARROOM_TABLE_PLATFORM_EVENTS",
            KeyAttribute.string("eventId"), Optional.empty(),
            List.of(IndexDef.of("byType", KeyAttribute.string("type"), KeyAttribute.string("occurredAt")),
                    IndexDef.of("byUser", KeyAttribute.string("userId"), KeyAttribute.string("occurredAt")),
                    new IndexDef("byTxHash", KeyAttribute.string("txHash"), Optional.empty())),
            Optional.empty());

    /** Each round's totals as the platform's events add them up: its total per asset, its contributors, its finalization. */
    public static final TableDef ROUNDS = new TableDef("rounds", "WARROOM_TABLE_ROUNDS",
            KeyAttribute.string("roundId"), Optional.of(KeyAttribute.string("item")), List.of(), Optional.empty());

    /**
     * The platform's events (EventBridge delivers them from {@link #PLATFORM_BUS}; {@code POST /v1/platform/events} puts the
     * same message here), for the ingest; a bad event is parked in the DLQ by the ingest itself, with its reason.
     */
    public static final QueueDef PLATFORM_EVENT_QUEUE = new QueueDef("platform-events", "WARROOM_QUEUE_PLATFORM_EVENTS_URL", 60, 5);

    /** The EventBridge detail-types the platform publishes and the ingest takes in. */
    public static final List<String> PLATFORM_EVENT_TYPES = List.of("ContributionConfirmed", "RoundFinalized", "FeeCharged",
            "ReferralClaimed", "RefundIssued");

    /** The bus the platform publishes its money events on; its rule delivers them to {@link #PLATFORM_EVENT_QUEUE}. */
    public static final EventBusDef PLATFORM_BUS = new EventBusDef("warroom-platform", "warroom.platform", PLATFORM_EVENT_TYPES,
            PLATFORM_EVENT_QUEUE);

    /** Reconcile runs: one summary item per run (status, counts per check and risk); a day's runs in byDay. */
    public static final TableDef RECONCILE_RUNS = new TableDef("reconcile-runs", "WARROOM_TABLE_RECONCILE_RUNS",
            KeyAttribute.string("runId"), Optional.empty(),
            List.of(IndexDef.of("byDay", KeyAttribute.string("day"), KeyAttribute.string("startedAt"))), Optional.empty());

    /**
     * Reconcile findings under their stable id (check + subject), with first and last seen and their status (OPEN,
     * ACKNOWLEDGED with a ticket, RESOLVED); by status and first sighting in byStatus.
     */
    public static final TableDef RECONCILE_FINDINGS = new TableDef("reconcile-findings", "WARROOM_TABLE_RECONCILE_FINDINGS",
            KeyAttribute.string("findingId"), Optional.empty(),
            List.of(IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("firstSeenAt"))), Optional.empty());

    /** Reconcile runs' segment aggregates and reports (JSON and HTML), each object written once. */
    public static final BucketDef RECONCILE_REPORTS = new BucketDef("reconcile-reports", 400);

    /**
     * Support tickets: under each {@code ticketId} the ticket itself (item {@code ticket}) and its append-only history
     * (items {@code comment#...}, {@code event#...}). Only ticket items carry the index keys: every ticket by creation in
     * byCreated ({@code listKey} is always {@code ticket}), and by status, user, assignee and priority.
     */
    public static final TableDef TICKETS = new TableDef("tickets", "WARROOM_TABLE_TICKETS",
            KeyAttribute.string("ticketId"), Optional.of(KeyAttribute.string("item")),
            List.of(IndexDef.of("byCreated", KeyAttribute.string("listKey"), KeyAttribute.string("createdAt")),
                    IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("createdAt")),
                    IndexDef.of("byUser", KeyAttribute.string("userId"), KeyAttribute.string("createdAt")),
                    IndexDef.of("byAssignee", KeyAttribute.string("assignee"), KeyAttribute.string("createdAt")),
                    IndexDef.of("byPriority", KeyAttribute.string("priority"), KeyAttribute.string("createdAt"))),
            Optional.empty());

    /**
     * Incidents: under each {@code incidentId} the incident (item {@code incident}) and its append-only timeline (items
     * {@code timeline#...}), links and evidence records. Only incident items carry the index keys: every incident by
     * detection in byDetected ({@code listKey} is always {@code incident}) and by status in byStatus.
     */
    public static final TableDef INCIDENTS = new TableDef("incidents", "WARROOM_TABLE_INCIDENTS",
            KeyAttribute.string("incidentId"), Optional.of(KeyAttribute.string("item")),
            List.of(IndexDef.of("byDetected", KeyAttribute.string("listKey"), KeyAttribute.string("detectedAt")),
                    IndexDef.of("byStatus", KeyAttribute.string("status"), KeyAttribute.string("detectedAt"))),
            Optional.empty());

    public static final String APPROVAL_WORKFLOW_NAME = "approval";
    public static final String RECONCILE_WORKFLOW_NAME = "reconcile";

    private static final Set<Role> STAFF_AND_SERVICE = Stream.concat(Role.STAFF.stream(), Stream.of(Role.SERVICE))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<Role> AUDIT_READERS = EnumSet.of(Role.SUPER_ADMIN, Role.OPS, Role.FINANCE);
    /** Who may list, read and decide approval requests (the approvals registry says who may decide which action). */
    private static final Set<Role> APPROVERS = EnumSet.of(Role.SUPER_ADMIN, Role.OPS, Role.FINANCE);
    private static final Set<Role> FLAG_ADMINS = EnumSet.of(Role.OPS, Role.SUPER_ADMIN);
    /** The requesters of a CONFIG_CHANGE approval (see its action in the approvals registry). */
    private static final Set<Role> CONFIG_REQUESTERS = EnumSet.of(Role.SUPER_ADMIN, Role.FINANCE);
    private static final Set<Role> ORDER_READERS = EnumSet.of(Role.SERVICE, Role.SUPPORT, Role.OPS, Role.FINANCE);
    private static final Set<Role> PAYMENT_ADMINS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);
    private static final Set<Role> LEDGER_READERS = EnumSet.of(Role.FINANCE, Role.SUPER_ADMIN, Role.OPS);
    private static final Set<Role> OUTBOX_ADMINS = EnumSet.of(Role.OPS, Role.SUPER_ADMIN);

    public static final FunctionDef HEALTH = FunctionDef.builder("health").module("functions/health")
            .handler("com.warroom.health.HealthHandler").memoryMb(512).timeoutSeconds(10)
            .routes(HttpRoute.get("/v1/health", Set.of()))
            .table(FLAGS, TableAccess.DESCRIBE).table(AUDIT, TableAccess.DESCRIBE).table(APPROVALS, TableAccess.DESCRIBE)
            .table(CONFIG, TableAccess.DESCRIBE).table(IDEMPOTENCY, TableAccess.DESCRIBE)
            .table(ORDERS, TableAccess.DESCRIBE).table(PAYMENT_EVENTS, TableAccess.DESCRIBE)
            .table(PAYMENT_REVIEWS, TableAccess.DESCRIBE).table(LEDGER_BALANCES, TableAccess.DESCRIBE)
            .table(LEDGER_ENTRIES, TableAccess.DESCRIBE).table(ENTITLEMENTS, TableAccess.DESCRIBE).table(OUTBOX, TableAccess.DESCRIBE)
            .table(USERS, TableAccess.DESCRIBE).table(PAYOUTS, TableAccess.DESCRIBE)
            .table(PLATFORM_EVENTS, TableAccess.DESCRIBE).table(ROUNDS, TableAccess.DESCRIBE)
            .table(RECONCILE_RUNS, TableAccess.DESCRIBE).table(RECONCILE_FINDINGS, TableAccess.DESCRIBE).table(TICKETS, TableAccess.DESCRIBE)
            .table(INCIDENTS, TableAccess.DESCRIBE)
            .describes(FLAG_CHANGES).describes(PAYMENT_CHECKS).describes(NOTIFICATIONS).describes(PAYOUT_WORK)
            .describes(PLATFORM_EVENT_QUEUE)
            .build();

    public static final FunctionDef FLAG_ADMIN = FunctionDef.builder("flag-admin").module("functions/flag-toggle")
            .handler("com.warroom.flags.api.FlagAdminHandler")
            .routes(HttpRoute.post("/v1/admin/system-flags/set", FLAG_ADMINS, Idempotency.OPTIONAL))
            .table(FLAGS, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND).table(APPROVALS, TableAccess.READ_WRITE)
            .table(IDEMPOTENCY, TableAccess.READ_WRITE)
            // a change made for an incident (incidentId) is written into its timeline and links in the same transaction
            .table(INCIDENTS, TableAccess.READ_WRITE)
            .sendsTo(FLAG_CHANGES).starts(APPROVAL_WORKFLOW_NAME).seals(SEALS)
            .build();

    public static final FunctionDef FLAG_READ = FunctionDef.builder("flag-read").module("functions/flag-toggle").jar("flag-read")
            .handler("com.warroom.flags.api.FlagReadHandler").timeoutSeconds(10)
            .routes(HttpRoute.get("/v1/system-flags", STAFF_AND_SERVICE), HttpRoute.get("/v1/system-flags/check", STAFF_AND_SERVICE))
            .table(FLAGS, TableAccess.READ).verifiesSeals(SEALS)
            .build();

    public static final FunctionDef AUDIT_READ = FunctionDef.builder("audit-read").module("functions/audit")
            .handler("com.warroom.audit.api.AuditHandler").timeoutSeconds(30)
            .routes(HttpRoute.get("/v1/admin/audit", AUDIT_READERS), HttpRoute.get("/v1/admin/audit/verify", AUDIT_READERS))
            .table(AUDIT, TableAccess.READ).verifiesSeals(SEALS).bucket(ANCHORS, BucketAccess.READ)
            .build();

    /**
     * Every 5 minutes: checks the audit head and the flag seal against their seals and their newest anchors, anchors
     * them when they moved on, and tells the war room (metric, ops notice) when they were tampered with.
     */
    public static final FunctionDef INTEGRITY_ANCHOR = FunctionDef.builder("integrity-anchor").module("functions/audit")
            .handler("com.warroom.audit.anchor.IntegrityAnchorHandler").timeoutSeconds(60)
            .trigger(Trigger.Schedule.of("rate(5 minutes)", "UTC"))
            .table(AUDIT, TableAccess.READ).table(FLAGS, TableAccess.READ).verifiesSeals(SEALS)
            .bucket(ANCHORS, BucketAccess.READ_PUT)
            .build();

    private static FunctionDef.Builder approvalStep(String name, String handlerClass) {
        return FunctionDef.builder(name).module("functions/approvals").handler(handlerClass).timeoutSeconds(30)
                .trigger(new Trigger.WorkflowTask(APPROVAL_WORKFLOW_NAME))
                .table(APPROVALS, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND).seals(SEALS);
    }

    public static final FunctionDef APPROVAL_RECORD = approvalStep("approval-record",
            "com.warroom.approvals.workflow.RecordRequestHandler").publishes(APPROVAL_NOTICES).build();

    public static final FunctionDef APPROVAL_AWAIT = approvalStep("approval-await",
            "com.warroom.approvals.workflow.AwaitDecisionHandler").build();

    /** Applies an approved action: the only workflow step that writes the flags and the config. */
    public static final FunctionDef APPROVAL_APPLY = approvalStep("approval-apply",
            "com.warroom.approvals.workflow.ApplyApprovalHandler").timeoutSeconds(60)
            .table(FLAGS, TableAccess.READ_WRITE).table(CONFIG, TableAccess.READ_WRITE)
            .table(PAYOUTS, TableAccess.READ_WRITE).table(LEDGER_BALANCES, TableAccess.READ_WRITE)
            .table(LEDGER_ENTRIES, TableAccess.READ_APPEND).table(PAYMENT_REVIEWS, TableAccess.READ_WRITE)
            .sendsTo(FLAG_CHANGES).build();

    public static final FunctionDef APPROVAL_OUTCOME = approvalStep("approval-outcome",
            "com.warroom.approvals.workflow.RecordOutcomeHandler").build();

    public static final ApprovalWorkflowDef APPROVAL = new ApprovalWorkflowDef(APPROVAL_WORKFLOW_NAME, "WARROOM_WORKFLOW_APPROVAL_ARN",
            APPROVAL_RECORD, APPROVAL_AWAIT, APPROVAL_APPLY, APPROVAL_OUTCOME, Duration.ofHours(24));

    /** The approval routes; the only function allowed to complete the workflow's waiting tasks. */
    public static final FunctionDef APPROVALS_API = FunctionDef.builder("approvals-api").module("functions/approvals")
            .handler("com.warroom.approvals.api.ApprovalsApiHandler")
            .routes(HttpRoute.get("/v1/admin/approvals", APPROVERS),
                    HttpRoute.get("/v1/admin/approvals/{id}", APPROVERS),
                    HttpRoute.post("/v1/admin/approvals/{id}/approve", APPROVERS, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/admin/approvals/{id}/reject", APPROVERS, Idempotency.OPTIONAL))
            .table(APPROVALS, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .completesTasksOf(APPROVAL_WORKFLOW_NAME).seals(SEALS)
            .build();

    /**
     * Every 5 minutes: starts the workflow of PENDING requests whose start was lost (Step Functions unreachable when
     * the route recorded them). Executions are named after the request, so overlapping runs start one.
     */
    public static final FunctionDef APPROVAL_KEEPER = FunctionDef.builder("approval-keeper").module("functions/approvals")
            .handler("com.warroom.approvals.keeper.ApprovalKeeperHandler").timeoutSeconds(60)
            .trigger(Trigger.Schedule.of("rate(5 minutes)", "UTC"))
            .table(APPROVALS, TableAccess.READ).verifiesSeals(SEALS)
            .starts(APPROVAL_WORKFLOW_NAME)
            .build();

    /**
     * The read-only config routes: networks, treasury wallets, fee rules, EXP rewards (never secrets), and who is on call
     * now (staff only: names and emails of the people paged are not the platform's business).
     */
    public static final FunctionDef CONFIG_READ = FunctionDef.builder("config-read").module("functions/config").jar("config-read")
            .handler("com.warroom.config.api.ConfigReadHandler").timeoutSeconds(10)
            .routes(HttpRoute.get("/v1/config/networks", STAFF_AND_SERVICE), HttpRoute.get("/v1/config/treasury", STAFF_AND_SERVICE),
                    HttpRoute.get("/v1/config/fee-rules", STAFF_AND_SERVICE), HttpRoute.get("/v1/config/exp-rewards", STAFF_AND_SERVICE),
                    HttpRoute.get("/v1/oncall/now", Role.STAFF))
            .table(CONFIG, TableAccess.READ)
            .build();

    /** Requests a config change: validates it against the config in force, records a PENDING approval, starts the workflow. */
    public static final FunctionDef CONFIG_CHANGE = FunctionDef.builder("config-change").module("functions/config")
            .handler("com.warroom.config.api.ConfigChangeHandler")
            .routes(HttpRoute.post("/v1/admin/config/changes", CONFIG_REQUESTERS, Idempotency.OPTIONAL))
            .table(CONFIG, TableAccess.READ).table(APPROVALS, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND)
            .table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .starts(APPROVAL_WORKFLOW_NAME).seals(SEALS)
            .build();

    /**
     * Loads the seed config into an empty config table and posts the seed's treasury opening balances (each once ever);
     * invoked once after the first deploy, never routed.
     */
    public static final FunctionDef CONFIG_SEED = FunctionDef.builder("config-seed").module("functions/config")
            .handler("com.warroom.config.seed.SeedHandler").timeoutSeconds(60)
            .trigger(new Trigger.Invoked())
            .table(CONFIG, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND).seals(SEALS)
            .build();

    /** Tells the war room of every applied kill-switch change: a consumer of {@link #FLAG_CHANGES}, publishing to {@link #OPS_NOTICES}. */
    public static final FunctionDef OPS_NOTICE = FunctionDef.builder("ops-notices").module("functions/ops-notices")
            .handler("com.warroom.notices.OpsNoticeHandler").timeoutSeconds(20)
            .trigger(new Trigger.QueueConsumer(FLAG_CHANGES, 10, Duration.ZERO))
            .table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .publishes(OPS_NOTICES)
            .build();

    /**
     * Midtrans's HTTP notifications: checks the signature, stores the notification raw (once per event key), queues it
     * for the payment processor and answers 200. Public (Midtrans sends no JWT), throttled on its own.
     */
    public static final FunctionDef WEBHOOK_INTAKE = FunctionDef.builder("webhook-intake").module("functions/webhook-intake")
            .handler("com.warroom.payments.intake.WebhookIntakeHandler").timeoutSeconds(10)
            .routes(HttpRoute.post("/v1/webhooks/midtrans", Set.of(), Idempotency.NONE).throttled(50, 100))
            .table(PAYMENT_EVENTS, TableAccess.READ_APPEND)
            .sendsTo(PAYMENT_CHECKS).readsSecret(MIDTRANS_SERVER_KEY)
            .build();

    /** The platform registers what it expects to be paid; staff and the platform read an order with its payment story. */
    public static final FunctionDef ORDERS_API = FunctionDef.builder("orders-api").module("functions/payments")
            .handler("com.warroom.payments.orders.OrdersHandler")
            .routes(HttpRoute.post("/v1/orders", Set.of(Role.SERVICE), Idempotency.REQUIRED),
                    HttpRoute.get("/v1/orders/{orderId}", ORDER_READERS))
            .table(ORDERS, TableAccess.READ_WRITE).table(PAYMENT_EVENTS, TableAccess.READ).table(ENTITLEMENTS, TableAccess.READ)
            .table(OUTBOX, TableAccess.READ).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .seals(SEALS)
            .build();

    /**
     * Applies payment events to orders, each confirmed with Midtrans's get-status API first: on PAID, in one transaction,
     * the order, the ledger entry, the entitlement and the success notification.
     */
    public static final FunctionDef PAYMENT_PROCESSOR = FunctionDef.builder("payment-processor").module("functions/payments")
            .handler("com.warroom.payments.processor.PaymentProcessorHandler").timeoutSeconds(60)
            .trigger(new Trigger.QueueConsumer(PAYMENT_CHECKS, 10, Duration.ZERO))
            .table(ORDERS, TableAccess.READ_WRITE).table(PAYMENT_EVENTS, TableAccess.READ_APPEND)
            .table(PAYMENT_REVIEWS, TableAccess.READ_WRITE).table(LEDGER_BALANCES, TableAccess.READ_WRITE)
            .table(LEDGER_ENTRIES, TableAccess.READ_APPEND).table(ENTITLEMENTS, TableAccess.READ_WRITE)
            .table(OUTBOX, TableAccess.READ_WRITE).table(CONFIG, TableAccess.READ)
            .sendsTo(NOTIFICATIONS).readsSecret(MIDTRANS_SERVER_KEY).calls(MIDTRANS_API).seals(SEALS)
            .build();

    /** The requesters of a SCAN_OVERRIDE approval (see its action in the approvals registry). */
    private static final Set<Role> SCAN_OVERRIDERS = EnumSet.of(Role.REVIEWER, Role.OPS, Role.SUPER_ADMIN);

    /**
     * The payment reviews list, the request for a two-person override of one (SCAN_OVERRIDE), and the PSP reconcile on
     * demand (the checks the stuck-tx-sweeper queues on its schedule).
     */
    public static final FunctionDef PAYMENTS_ADMIN = FunctionDef.builder("payments-admin").module("functions/payments")
            .handler("com.warroom.payments.admin.PaymentsAdminHandler").timeoutSeconds(30)
            .routes(HttpRoute.get("/v1/admin/payments/reviews", PAYMENT_ADMINS),
                    HttpRoute.post("/v1/admin/payments/reviews/{id}/override", SCAN_OVERRIDERS, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/admin/payments/reconcile", PAYMENT_ADMINS, Idempotency.OPTIONAL))
            .table(ORDERS, TableAccess.READ).table(PAYMENT_REVIEWS, TableAccess.READ).table(AUDIT, TableAccess.READ_APPEND)
            .table(APPROVALS, TableAccess.READ_WRITE).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .sendsTo(PAYMENT_CHECKS).starts(APPROVAL_WORKFLOW_NAME).seals(SEALS)
            .build();

    /** A ledger account's balances and latest entries, each balance checked against its seal. */
    public static final FunctionDef LEDGER_READ = FunctionDef.builder("ledger-read").module("functions/ledger")
            .handler("com.warroom.ledger.api.LedgerReadHandler").timeoutSeconds(10)
            .routes(HttpRoute.get("/v1/admin/ledger/accounts/{id}", LEDGER_READERS))
            .table(LEDGER_BALANCES, TableAccess.READ).table(LEDGER_ENTRIES, TableAccess.READ).verifiesSeals(SEALS)
            .build();

    /** Delivers outbox items by email (SES) and WhatsApp; reminders only while notification.reminder is enabled. */
    public static final FunctionDef NOTIFICATION_SENDER = FunctionDef.builder("notification-sender").module("functions/notifications")
            .handler("com.warroom.notifications.sender.NotificationSenderHandler").timeoutSeconds(30)
            .trigger(new Trigger.QueueConsumer(NOTIFICATIONS, 10, Duration.ZERO))
            .table(OUTBOX, TableAccess.READ_WRITE).table(FLAGS, TableAccess.READ).verifiesSeals(SEALS)
            .sendsMail(NOTIFICATION_MAIL).calls(WHATSAPP_API).readsSecret(WHATSAPP_API_TOKEN)
            .build();

    /** Lists outbox items by status and requeues FAILED ones. */
    public static final FunctionDef OUTBOX_ADMIN = FunctionDef.builder("outbox-admin").module("functions/notifications")
            .handler("com.warroom.notifications.admin.OutboxAdminHandler")
            .routes(HttpRoute.get("/v1/admin/outbox", OUTBOX_ADMINS),
                    HttpRoute.post("/v1/admin/outbox/requeue", OUTBOX_ADMINS, Idempotency.REQUIRED))
            .table(OUTBOX, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .sendsTo(NOTIFICATIONS).seals(SEALS)
            .build();

    /** Who may read a user's standing and a payout: the platform and staff who answer or operate payouts. */
    private static final Set<Role> PAYOUT_READERS = EnumSet.of(Role.SERVICE, Role.SUPPORT, Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);
    private static final Set<Role> PAYOUT_QUEUE_READERS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN, Role.SUPPORT);
    private static final Set<Role> PAYOUT_RETRIERS = EnumSet.of(Role.OPS, Role.FINANCE);
    /** The requesters of a PAYOUT_OVERRIDE approval (see its action in the approvals registry). */
    private static final Set<Role> PAYOUT_OVERRIDERS = EnumSet.of(Role.FINANCE, Role.SUPER_ADMIN);

    /**
     * The platform tells Warroom of its users (sealed primary wallets; a change is audited and cools off) and asks for
     * payouts: each accepted with its ledger hold in one transaction, then queued for the worker.
     */
    public static final FunctionDef PAYOUT_API = FunctionDef.builder("payout-api").module("functions/payout")
            .handler("com.warroom.payouts.api.PayoutApiHandler").timeoutSeconds(30)
            .routes(HttpRoute.put("/v1/platform/users/{userId}", Set.of(Role.SERVICE)),
                    HttpRoute.get("/v1/platform/users/{userId}", PAYOUT_READERS),
                    HttpRoute.post("/v1/payouts", Set.of(Role.SERVICE), Idempotency.REQUIRED),
                    HttpRoute.get("/v1/payouts/{payoutId}", PAYOUT_READERS))
            .table(USERS, TableAccess.READ_WRITE).table(PAYOUTS, TableAccess.READ_WRITE)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND)
            .table(CONFIG, TableAccess.READ).table(FLAGS, TableAccess.READ).table(AUDIT, TableAccess.READ_APPEND)
            .table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .sendsTo(PAYOUT_WORK).seals(SEALS)
            .build();

    /**
     * Moves payouts on: checks both seals and the kill switches, submits to the custody rail with the payout id as the
     * idempotency key (asking the rail first whenever an earlier try may have reached it), retries with back-off, and
     * on the rail's final word confirms (ledger: hold → paid) or fails (hold released).
     */
    public static final FunctionDef PAYOUT_WORKER = FunctionDef.builder("payout-worker").module("functions/payout")
            .handler("com.warroom.payouts.worker.PayoutWorkerHandler").timeoutSeconds(60)
            .trigger(new Trigger.QueueConsumer(PAYOUT_WORK, 10, Duration.ZERO))
            .table(PAYOUTS, TableAccess.READ_WRITE).table(USERS, TableAccess.READ)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND)
            .table(CONFIG, TableAccess.READ).table(FLAGS, TableAccess.READ)
            .sendsTo(PAYOUT_WORK).readsSecret(CUSTODY_API_KEY).readsSecret(CUSTODY_SIGNING_KEY).calls(CUSTODY_API).seals(SEALS)
            .build();

    /** The custodian's signed callbacks: checks the signature and queues the payout for the worker, which asks the rail itself. */
    public static final FunctionDef CUSTODY_CALLBACK = FunctionDef.builder("custody-callback").module("functions/payout")
            .handler("com.warroom.payouts.callback.CustodyCallbackHandler").timeoutSeconds(10)
            .routes(HttpRoute.post("/v1/webhooks/custody", Set.of(), Idempotency.NONE).throttled(50, 100))
            .sendsTo(PAYOUT_WORK).readsSecret(CUSTODY_CALLBACK_KEY)
            .build();

    /** The ops payout queue: the list with its filters and stuck badges, the retry, and the request for a two-person override. */
    public static final FunctionDef PAYOUT_ADMIN = FunctionDef.builder("payout-admin").module("functions/payout")
            .handler("com.warroom.payouts.admin.PayoutAdminHandler").timeoutSeconds(30)
            .routes(HttpRoute.get("/v1/admin/payouts", PAYOUT_QUEUE_READERS),
                    HttpRoute.post("/v1/admin/payouts/{payoutId}/retry", PAYOUT_RETRIERS, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/admin/payouts/{payoutId}/override", PAYOUT_OVERRIDERS, Idempotency.OPTIONAL))
            .table(PAYOUTS, TableAccess.READ_WRITE).table(USERS, TableAccess.READ)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND)
            .table(APPROVALS, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .sendsTo(PAYOUT_WORK).starts(APPROVAL_WORKFLOW_NAME).seals(SEALS)
            .build();

    /** Who may read the stuck list: the people who answer "where is my money" and those who operate the flows. */
    private static final Set<Role> STUCK_READERS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPPORT, Role.SUPER_ADMIN);

    /**
     * Every 5 minutes: hands what a lost message left behind back to its owner, once per item and state (a conditional
     * mark in the idempotency table): payouts REQUESTED for 5 minutes, SUBMITTING past their claim, RETRY_SCHEDULED and
     * HELD past their time, SUBMITTED for 15 minutes (the worker asks the rail) go back on the payouts queue; orders
     * PENDING for 15 minutes get a check with Midtrans. It never fails, expires or cancels anything. Reads only the status
     * indexes, and measures what is stuck and the reconcile findings left without a ticket.
     */
    public static final FunctionDef STUCK_TX_SWEEPER = FunctionDef.builder("stuck-tx-sweeper").module("functions/stuck-tx-sweeper")
            .handler("com.warroom.stuck.sweep.StuckTxSweeperHandler").timeoutSeconds(60)
            .trigger(Trigger.Schedule.of("rate(5 minutes)", "UTC"))
            .table(PAYOUTS, TableAccess.READ).table(ORDERS, TableAccess.READ).table(RECONCILE_FINDINGS, TableAccess.READ)
            .table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .sendsTo(PAYOUT_WORK).sendsTo(PAYMENT_CHECKS)
            .build();

    /**
     * The stuck list: the oldest non-final payouts and PENDING orders with their ages, read through the two status
     * indexes only. It reads and never re-drives: the stuck-tx-sweeper does that.
     */
    public static final FunctionDef STUCK_LIST = FunctionDef.builder("stuck-list").module("functions/stuck-tx-sweeper")
            .handler("com.warroom.stuck.StuckListHandler").timeoutSeconds(10)
            .routes(HttpRoute.get("/v1/admin/stuck", STUCK_READERS))
            .table(PAYOUTS, TableAccess.READ).table(ORDERS, TableAccess.READ)
            .build();

    /**
     * Takes in the platform's events: validates each and posts it in one transaction (its platform-events item, its
     * ledger entry, its round totals), once per event id; a bad one goes to the queue's DLQ with the reason.
     */
    public static final FunctionDef PLATFORM_EVENTS_INGEST = FunctionDef.builder("platform-events-ingest")
            .module("functions/platform-events")
            .handler("com.warroom.platform.ingest.PlatformEventsIngestHandler").timeoutSeconds(60)
            .trigger(new Trigger.QueueConsumer(PLATFORM_EVENT_QUEUE, 10, Duration.ZERO))
            .table(PLATFORM_EVENTS, TableAccess.READ_WRITE).table(ROUNDS, TableAccess.READ_WRITE)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND)
            .table(CONFIG, TableAccess.READ)
            .deadLetters(PLATFORM_EVENT_QUEUE).seals(SEALS)
            .build();

    /** The same events over HTTP, for a platform without EventBridge access and for a local run: queued as EventBridge would. */
    public static final FunctionDef PLATFORM_EVENTS_API = FunctionDef.builder("platform-events-api")
            .module("functions/platform-events")
            .handler("com.warroom.platform.api.PlatformEventsApiHandler").timeoutSeconds(10)
            .routes(HttpRoute.post("/v1/platform/events", Set.of(Role.SERVICE), Idempotency.OPTIONAL))
            .table(CONFIG, TableAccess.READ).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .sendsTo(PLATFORM_EVENT_QUEUE)
            .build();

    /** Who may start reconcile runs, read their reports and findings, and acknowledge findings. */
    private static final Set<Role> RECONCILERS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);

    /**
     * What the reconcile checks read, for the steps that build them (prepare sizes the tables they scan, segment scans
     * them, combine compares): every table a check reads, the seals and anchors they verify, Midtrans's own status.
     */
    private static FunctionDef.Builder readsWhatChecksRead(FunctionDef.Builder function) {
        return function.table(LEDGER_BALANCES, TableAccess.READ).table(LEDGER_ENTRIES, TableAccess.READ)
                .table(PAYOUTS, TableAccess.READ).table(USERS, TableAccess.READ).table(FLAGS, TableAccess.READ)
                .table(ORDERS, TableAccess.READ).table(ENTITLEMENTS, TableAccess.READ).table(PAYMENT_REVIEWS, TableAccess.READ)
                .table(PLATFORM_EVENTS, TableAccess.READ).table(ROUNDS, TableAccess.READ).table(AUDIT, TableAccess.READ)
                .table(CONFIG, TableAccess.READ)
                .verifiesSeals(SEALS).bucket(ANCHORS, BucketAccess.READ)
                .calls(MIDTRANS_API).readsSecret(MIDTRANS_SERVER_KEY);
    }

    private static FunctionDef.Builder reconcileStep(String name, String handlerClass) {
        return FunctionDef.builder(name).module("functions/reconcile").handler(handlerClass)
                .trigger(new Trigger.WorkflowTask(RECONCILE_WORKFLOW_NAME));
    }

    /** Reconcile step Prepare: the segments of every table the checks scan, more for bigger tables. */
    public static final FunctionDef RECONCILE_PREPARE = readsWhatChecksRead(reconcileStep("reconcile-prepare",
            "com.warroom.reconcile.run.PrepareHandler").timeoutSeconds(60))
            .table(RECONCILE_RUNS, TableAccess.READ)
            .build();

    /** Reconcile step ScanSegment: one parallel-scan segment folded into the checks' aggregates, stored in the reports bucket. */
    public static final FunctionDef RECONCILE_SEGMENT = readsWhatChecksRead(reconcileStep("reconcile-segment",
            "com.warroom.reconcile.run.SegmentHandler").memoryMb(1024).timeoutSeconds(900))
            .bucket(RECONCILE_REPORTS, BucketAccess.READ_PUT)
            .build();

    /** Reconcile step Combine: merges the segments' aggregates, compares, records the findings (new, seen, resolved). */
    public static final FunctionDef RECONCILE_COMBINE = readsWhatChecksRead(reconcileStep("reconcile-combine",
            "com.warroom.reconcile.run.CombineHandler").memoryMb(1024).timeoutSeconds(900))
            .table(RECONCILE_RUNS, TableAccess.READ_WRITE).table(RECONCILE_FINDINGS, TableAccess.READ_WRITE)
            .bucket(RECONCILE_REPORTS, BucketAccess.READ_PUT)
            .build();

    /** Reconcile step Report: the JSON and HTML report to the bucket, the run COMPLETED, metrics, the summary to the war room. */
    public static final FunctionDef RECONCILE_REPORT = reconcileStep("reconcile-report",
            "com.warroom.reconcile.report.ReportHandler").timeoutSeconds(120)
            .table(RECONCILE_RUNS, TableAccess.READ_WRITE).bucket(RECONCILE_REPORTS, BucketAccess.READ_PUT)
            .publishes(OPS_NOTICES)
            .build();

    /** Reconcile step RecordFailure: the run FAILED with its error, its day free again, told to the war room. */
    public static final FunctionDef RECONCILE_FAILED = reconcileStep("reconcile-failed",
            "com.warroom.reconcile.run.RecordFailureHandler").timeoutSeconds(30)
            .table(RECONCILE_RUNS, TableAccess.READ_WRITE)
            .publishes(OPS_NOTICES)
            .build();

    /** The reconcile routes: start a run, its report (JSON, page), the runs, the findings and their acknowledgement. */
    public static final FunctionDef RECONCILE_API = FunctionDef.builder("reconcile-api").module("functions/reconcile")
            .handler("com.warroom.reconcile.api.ReconcileApiHandler").timeoutSeconds(30)
            .routes(HttpRoute.post("/v1/admin/reconcile/runs", RECONCILERS, Idempotency.OPTIONAL),
                    HttpRoute.get("/v1/admin/reconcile/runs", RECONCILERS),
                    HttpRoute.get("/v1/admin/reconcile/runs/{id}", RECONCILERS),
                    HttpRoute.get("/v1/admin/reconcile/runs/{id}/report", RECONCILERS),
                    HttpRoute.get("/v1/admin/reconcile/findings", RECONCILERS),
                    HttpRoute.post("/v1/admin/reconcile/findings/{id}/ack", RECONCILERS, Idempotency.OPTIONAL))
            .table(RECONCILE_RUNS, TableAccess.READ_WRITE).table(RECONCILE_FINDINGS, TableAccess.READ_WRITE)
            .table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .bucket(RECONCILE_REPORTS, BucketAccess.READ).seals(SEALS)
            .starts(RECONCILE_WORKFLOW_NAME)
            .build();

    /** Daily at 00:30 Asia/Jakarta: starts the day's reconcile run (a run of the day in progress: nothing). */
    public static final FunctionDef RECONCILE_SCHEDULE = FunctionDef.builder("reconcile-schedule").module("functions/reconcile")
            .handler("com.warroom.reconcile.run.ScheduleHandler").timeoutSeconds(30)
            .trigger(Trigger.Schedule.of("cron(30 0 * * ? *)", "Asia/Jakarta"))
            .table(RECONCILE_RUNS, TableAccess.READ_WRITE)
            .starts(RECONCILE_WORKFLOW_NAME)
            .build();

    /**
     * A reconcile run: Prepare sizes the segments, a Map scans them (at most 10 at a time), Combine compares, Report
     * writes the report; a failure anywhere is recorded on the run.
     */
    public static final ScanWorkflowDef RECONCILE = new ScanWorkflowDef(RECONCILE_WORKFLOW_NAME, "WARROOM_WORKFLOW_RECONCILE_ARN",
            RECONCILE_PREPARE, RECONCILE_SEGMENT, RECONCILE_COMBINE, RECONCILE_REPORT, RECONCILE_FAILED, 10);

    /** Who works the ticket queue: everything but filing a ticket for a user and the user's confirmation. */
    private static final Set<Role> TICKET_STAFF = EnumSet.of(Role.SUPPORT, Role.OPS, Role.SUPER_ADMIN);
    /** Who files a ticket: the platform on behalf of a signed-in user, or support for a user who wrote in. */
    private static final Set<Role> TICKET_FILERS = EnumSet.of(Role.SERVICE, Role.SUPPORT);

    /**
     * The support tickets: filed by the platform for a user (or by support), worked by staff (priority, assignment,
     * comments, follow-up, status, links), a BUG reproduced and fixed grants its reporter EXP once (ledger + outbox
     * notice), the user's confirmation closes with a CSAT rating; and the metrics. Every staff change is audited.
     */
    public static final FunctionDef SUPPORT_TICKETS = FunctionDef.builder("support-tickets").module("functions/support-tickets")
            .handler("com.warroom.support.tickets.api.TicketsApiHandler").timeoutSeconds(30)
            .routes(HttpRoute.post("/v1/support/tickets", TICKET_FILERS, Idempotency.OPTIONAL),
                    HttpRoute.get("/v1/support/tickets", TICKET_STAFF),
                    HttpRoute.get("/v1/support/tickets/{id}", TICKET_STAFF),
                    HttpRoute.post("/v1/support/tickets/{id}/priority", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/assign", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/comments", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/follow-up", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/status", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/links", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/reproduced", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/fixed", TICKET_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/support/tickets/{id}/confirmation", Set.of(Role.SERVICE), Idempotency.OPTIONAL),
                    HttpRoute.get("/v1/support/metrics", TICKET_STAFF))
            .table(TICKETS, TableAccess.READ_WRITE).table(RECONCILE_FINDINGS, TableAccess.READ).table(INCIDENTS, TableAccess.READ)
            .table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND)
            .table(OUTBOX, TableAccess.READ_WRITE).table(CONFIG, TableAccess.READ)
            .sendsTo(NOTIFICATIONS).seals(SEALS)
            .build();

    /**
     * Hourly: closes the tickets RESOLVED for 7 days without the user's confirmation, and finishes any EXP grant a crash
     * left half-done (a BUG marked fixed whose grant is not recorded on the ticket).
     */
    public static final FunctionDef TICKET_KEEPER = FunctionDef.builder("ticket-keeper").module("functions/support-tickets")
            .handler("com.warroom.support.tickets.keeper.TicketKeeperHandler").timeoutSeconds(300)
            .trigger(Trigger.Schedule.of("rate(1 hour)", "UTC"))
            .table(TICKETS, TableAccess.READ_WRITE)
            .table(LEDGER_BALANCES, TableAccess.READ_WRITE).table(LEDGER_ENTRIES, TableAccess.READ_APPEND)
            .table(OUTBOX, TableAccess.READ_WRITE).table(CONFIG, TableAccess.READ)
            .sendsTo(NOTIFICATIONS).seals(SEALS)
            .build();

    private static final Set<Role> ALARM_READERS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);
    private static final Set<Role> ALERT_TESTERS = EnumSet.of(Role.OPS, Role.SUPER_ADMIN);

    /**
     * The alarms' states, evaluated from the same rules the CDK app builds its alarms from (com.warroom.alarms), and a
     * test alert published to {@link #ALERTS}. It describes every queue for its dead-letter queue's depth.
     */
    public static final FunctionDef ALARMS_API = FunctionDef.builder("alarms-api").module("functions/alarms")
            .handler("com.warroom.alarms.api.AlarmsHandler").timeoutSeconds(30)
            .routes(HttpRoute.get("/v1/admin/alarms", ALARM_READERS),
                    HttpRoute.post("/v1/admin/alerts/test", ALERT_TESTERS, Idempotency.OPTIONAL))
            .table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE).seals(SEALS)
            .describes(FLAG_CHANGES).describes(PAYMENT_CHECKS).describes(NOTIFICATIONS).describes(PAYOUT_WORK)
            .describes(PLATFORM_EVENT_QUEUE)
            .publishes(ALERTS).readsMetrics()
            .build();

    /** Who may look a person up for support: support answers, the others operate the flows behind the answer. */
    private static final Set<Role> SUPPORT_LOOKUP_READERS = EnumSet.of(Role.SUPPORT, Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);

    /**
     * Support's lookup: recognises what {@code q} is (user id, email, wallet, order, payout, Midtrans transaction, chain tx
     * hash), reads the user's card through the lookup indexes, masks wallets and emails for support, fills the support
     * playbook's suggested answer and audits who looked up whom. Read-only on every money table.
     */
    public static final FunctionDef SUPPORT_LOOKUP = FunctionDef.builder("support-lookup").module("functions/support-lookup")
            .handler("com.warroom.support.lookup.SupportLookupHandler").timeoutSeconds(10)
            .routes(HttpRoute.get("/v1/support/lookup", SUPPORT_LOOKUP_READERS))
            .table(USERS, TableAccess.READ).table(ORDERS, TableAccess.READ).table(PAYMENT_EVENTS, TableAccess.READ)
            .table(PAYOUTS, TableAccess.READ).table(PLATFORM_EVENTS, TableAccess.READ).table(ENTITLEMENTS, TableAccess.READ)
            .table(FLAGS, TableAccess.READ).table(RECONCILE_FINDINGS, TableAccess.READ).table(TICKETS, TableAccess.READ)
            .table(AUDIT, TableAccess.READ_APPEND).seals(SEALS)
            .build();

    /** Incident evidence bundles (JSON) and the log query results beside them: written once, never altered or deleted. */
    public static final BucketDef EVIDENCE = new BucketDef("evidence", 365);

    /** The weekly SLO reports (JSON and HTML), each written once. */
    public static final BucketDef SLO_REPORTS = new BucketDef("slo-reports", 400);

    /** Who runs an incident; support may also declare one (its severity is then left to ops). */
    private static final Set<Role> INCIDENT_STAFF = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);
    private static final Set<Role> INCIDENT_REPORTERS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN, Role.SUPPORT);

    /**
     * Incidents: declare, move through the SOP's steps, notes, links, evidence bundles (write-once), the post-mortem and
     * the status updates, each change a timeline entry and an audit entry.
     */
    public static final FunctionDef INCIDENTS_API = FunctionDef.builder("incidents-api").module("functions/incidents")
            .handler("com.warroom.incidents.api.IncidentsHandler").timeoutSeconds(60)
            .routes(HttpRoute.post("/v1/incidents", INCIDENT_REPORTERS, Idempotency.OPTIONAL),
                    HttpRoute.get("/v1/incidents", INCIDENT_REPORTERS),
                    HttpRoute.get("/v1/incidents/{id}", INCIDENT_REPORTERS),
                    HttpRoute.post("/v1/incidents/{id}/status", INCIDENT_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/incidents/{id}/notes", INCIDENT_REPORTERS, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/incidents/{id}/links", INCIDENT_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.post("/v1/incidents/{id}/evidence", INCIDENT_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.get("/v1/incidents/{id}/evidence/{evidenceId}", INCIDENT_STAFF),
                    HttpRoute.post("/v1/incidents/{id}/postmortem", INCIDENT_STAFF, Idempotency.OPTIONAL),
                    HttpRoute.get("/v1/incidents/{id}/postmortem", INCIDENT_REPORTERS),
                    HttpRoute.get("/v1/incidents/{id}/communication", INCIDENT_REPORTERS))
            .table(INCIDENTS, TableAccess.READ_WRITE).table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .table(CONFIG, TableAccess.READ)
            .table(ORDERS, TableAccess.READ).table(PAYMENT_EVENTS, TableAccess.READ).table(PAYOUTS, TableAccess.READ)
            .table(LEDGER_ENTRIES, TableAccess.READ).table(FLAGS, TableAccess.READ).table(RECONCILE_FINDINGS, TableAccess.READ)
            .table(TICKETS, TableAccess.READ).table(LEDGER_BALANCES, TableAccess.READ)
            .bucket(EVIDENCE, BucketAccess.READ_PUT).seals(SEALS).queriesLogs()
            .build();

    /** Hourly: P0/P1 post-mortems overdue (48 h after RESOLVED) are told to the war room once, and counted in a metric. */
    public static final FunctionDef INCIDENT_KEEPER = FunctionDef.builder("incident-keeper").module("functions/incidents")
            .handler("com.warroom.incidents.keeper.IncidentKeeperHandler").timeoutSeconds(120)
            .trigger(Trigger.Schedule.of("rate(1 hour)", "UTC"))
            .table(INCIDENTS, TableAccess.READ_WRITE)
            .publishes(OPS_NOTICES)
            .build();

    private static final Set<Role> SLO_READERS = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);

    /** The SLO reports: the latest one, and a report run now. */
    public static final FunctionDef SLO_API = FunctionDef.builder("slo-api").module("functions/slo")
            .handler("com.warroom.slo.api.SloReportsHandler").timeoutSeconds(120)
            .routes(HttpRoute.get("/v1/slo/reports/latest", SLO_READERS),
                    HttpRoute.post("/v1/slo/reports", SLO_READERS, Idempotency.OPTIONAL))
            .table(INCIDENTS, TableAccess.READ).table(PAYOUTS, TableAccess.READ).table(PLATFORM_EVENTS, TableAccess.READ)
            .table(ORDERS, TableAccess.READ).table(AUDIT, TableAccess.READ_APPEND).table(IDEMPOTENCY, TableAccess.READ_WRITE)
            .bucket(SLO_REPORTS, BucketAccess.READ_PUT).seals(SEALS)
            .publishes(OPS_NOTICES).readsMetrics()
            .build();

    /** Mondays at 08:00 Asia/Jakarta: the week's SLO report to the bucket, its summary to the war room. */
    public static final FunctionDef SLO_WEEKLY = FunctionDef.builder("slo-weekly").module("functions/slo")
            .handler("com.warroom.slo.weekly.SloWeeklyHandler").timeoutSeconds(120)
            .trigger(Trigger.Schedule.of("cron(0 8 ? * MON *)", "Asia/Jakarta"))
            .table(INCIDENTS, TableAccess.READ).table(PAYOUTS, TableAccess.READ).table(PLATFORM_EVENTS, TableAccess.READ)
            .table(ORDERS, TableAccess.READ)
            .bucket(SLO_REPORTS, BucketAccess.READ_PUT)
            .publishes(OPS_NOTICES).readsMetrics()
            .build();

    private static final Topology WARROOM = builder()
            .tables(FLAGS, AUDIT, APPROVALS, CONFIG, IDEMPOTENCY, ORDERS, PAYMENT_EVENTS, PAYMENT_REVIEWS, LEDGER_BALANCES,
                    LEDGER_ENTRIES, ENTITLEMENTS, OUTBOX, USERS, PAYOUTS, PLATFORM_EVENTS, ROUNDS, RECONCILE_RUNS, RECONCILE_FINDINGS,
                    TICKETS, INCIDENTS)
            .queues(FLAG_CHANGES, PAYMENT_CHECKS, NOTIFICATIONS, PAYOUT_WORK, PLATFORM_EVENT_QUEUE)
            .eventBuses(PLATFORM_BUS)
            .topics(APPROVAL_NOTICES, OPS_NOTICES, ALERTS)
            .secrets(MIDTRANS_SERVER_KEY, WHATSAPP_API_TOKEN, CUSTODY_API_KEY, CUSTODY_SIGNING_KEY, CUSTODY_CALLBACK_KEY)
            .keys(SEALS)
            .buckets(ANCHORS, RECONCILE_REPORTS, EVIDENCE, SLO_REPORTS)
            .externalApis(MIDTRANS_API, WHATSAPP_API, CUSTODY_API)
            .mails(NOTIFICATION_MAIL)
            .workflows(APPROVAL, RECONCILE)
            .functions(HEALTH, FLAG_ADMIN, FLAG_READ, AUDIT_READ, APPROVALS_API, CONFIG_READ, CONFIG_CHANGE,
                    APPROVAL_RECORD, APPROVAL_AWAIT, APPROVAL_APPLY, APPROVAL_OUTCOME,
                    APPROVAL_KEEPER, OPS_NOTICE, CONFIG_SEED, INTEGRITY_ANCHOR,
                    WEBHOOK_INTAKE, ORDERS_API, PAYMENT_PROCESSOR, PAYMENTS_ADMIN, LEDGER_READ,
                    NOTIFICATION_SENDER, OUTBOX_ADMIN, PAYOUT_API, PAYOUT_WORKER, CUSTODY_CALLBACK, PAYOUT_ADMIN,
                    STUCK_TX_SWEEPER, STUCK_LIST, PLATFORM_EVENTS_INGEST, PLATFORM_EVENTS_API,
                    RECONCILE_PREPARE, RECONCILE_SEGMENT, RECONCILE_COMBINE, RECONCILE_REPORT, RECONCILE_FAILED,
                    RECONCILE_API, RECONCILE_SCHEDULE, ALARMS_API, SUPPORT_LOOKUP, SUPPORT_TICKETS, TICKET_KEEPER,
                    INCIDENTS_API, INCIDENT_KEEPER, SLO_API, SLO_WEEKLY)
            .build();

    private final List<TableDef> tables;
    private final List<QueueDef> queues;
    private final List<EventBusDef> eventBuses;
    private final List<TopicDef> topics;
    private final List<SecretDef> secrets;
    private final List<KeyDef> keys;
    private final List<BucketDef> buckets;
    private final List<ExternalApiDef> externalApis;
    private final List<MailDef> mails;
    private final List<WorkflowDef> workflows;
    private final List<FunctionDef> functions;
    private final List<RouteDef> routes;
    private final Map<String, RouteDef> routesByKey;

    private Topology(Builder b) {
        this.tables = List.copyOf(b.tables);
        this.queues = List.copyOf(b.queues);
        this.eventBuses = List.copyOf(b.eventBuses);
        this.topics = List.copyOf(b.topics);
        this.secrets = List.copyOf(b.secrets);
        this.keys = List.copyOf(b.keys);
        this.buckets = List.copyOf(b.buckets);
        this.externalApis = List.copyOf(b.externalApis);
        this.mails = List.copyOf(b.mails);
        this.workflows = List.copyOf(b.workflows);
        this.functions = List.copyOf(b.functions);
        List<RouteDef> allRoutes = new ArrayList<>();
        Map<String, RouteDef> byKey = new LinkedHashMap<>();
        for (FunctionDef function : functions) {
            for (HttpRoute route : function.routes()) {
                RouteDef def = new RouteDef(route, function);
                if (byKey.put(def.routeKey(), def) != null) {
                    throw new IllegalStateException("duplicate route " + def.routeKey());
                }
                allRoutes.add(def);
            }
        }
        this.routes = List.copyOf(allRoutes);
        this.routesByKey = Map.copyOf(byKey);
        checkWiring();
    }

    // Everything a function names must be part of this topology, so that neither realization meets half a wiring.
    private void checkWiring() {
        if (functions.stream().map(FunctionDef::name).distinct().count() != functions.size()) {
            throw new IllegalStateException("two functions share a name");
        }
        for (FunctionDef f : functions) {
            f.tables().keySet().forEach(t -> require(tables.contains(t), f, "table " + t.logicalName()));
            Stream.of(f.sendsTo(), f.describesQueues(), f.deadLetters()).flatMap(Set::stream)
                    .forEach(q -> require(queues.contains(q), f, "queue " + q.logicalName()));
            f.publishesTo().forEach(t -> require(topics.contains(t), f, "topic " + t.logicalName()));
            f.readsSecrets().forEach(s -> require(secrets.contains(s), f, "secret " + s.logicalName()));
            f.keys().keySet().forEach(k -> require(keys.contains(k), f, "key " + k.logicalName()));
            f.buckets().keySet().forEach(b -> require(buckets.contains(b), f, "bucket " + b.logicalName()));
            f.callsApis().forEach(a -> require(externalApis.contains(a), f, "external API " + a.logicalName()));
            f.sendsMail().forEach(m -> require(mails.contains(m), f, "mail " + m.logicalName()));
            f.startsWorkflows().forEach(w -> require(workflow(w).isPresent(), f, "workflow " + w));
            f.completesWorkflowTasks().forEach(w -> {
                require(workflow(w).isPresent(), f, "workflow " + w);
                switch (workflow(w).orElseThrow()) {
                    case ApprovalWorkflowDef approval -> { }
                    // no state of a scan waits for a task token, so there is nothing to complete
                    case ScanWorkflowDef scan -> throw new IllegalStateException("function " + f.name()
                            + " completes tasks of " + w + ", a scan workflow, which has no task that waits for a token");
                }
            });
            switch (f.trigger()) {
                case Trigger.Http http -> { }
                case Trigger.QueueConsumer consumer -> require(queues.contains(consumer.queue()), f, "queue " + consumer.queue().logicalName());
                case Trigger.Schedule schedule -> { }
                case Trigger.WorkflowTask task -> require(workflow(task.workflow()).isPresent(), f, "workflow " + task.workflow());
                case Trigger.Invoked invoked -> { }
            }
        }
        for (EventBusDef bus : eventBuses) {
            if (!queues.contains(bus.target())) {
                throw new IllegalStateException("bus " + bus.name() + " delivers to queue " + bus.target().logicalName()
                        + ", which is not in the topology");
            }
        }
        if (eventBuses.stream().map(EventBusDef::name).distinct().count() != eventBuses.size()) {
            throw new IllegalStateException("two event buses share a name");
        }
        for (WorkflowDef w : workflows) {
            for (FunctionDef task : w.functions()) {
                if (!functions.contains(task)) {
                    throw new IllegalStateException("workflow " + w.logicalName() + " runs " + task.name() + ", which is not in the topology");
                }
            }
        }
    }

    private static void require(boolean present, FunctionDef function, String what) {
        if (!present) {
            throw new IllegalStateException("function " + function.name() + " names " + what + ", which is not in the topology");
        }
    }

    public static Topology warroom() {
        return WARROOM;
    }

    /** Another wiring: for tests of the machinery that realizes a topology. */
    public static Builder builder() {
        return new Builder();
    }

    public List<TableDef> tables() {
        return tables;
    }

    public List<QueueDef> queues() {
        return queues;
    }

    /** The EventBridge buses others publish to, each with the rule that delivers to its queue. */
    public List<EventBusDef> eventBuses() {
        return eventBuses;
    }

    public List<TopicDef> topics() {
        return topics;
    }

    public List<SecretDef> secrets() {
        return secrets;
    }

    public List<KeyDef> keys() {
        return keys;
    }

    public List<BucketDef> buckets() {
        return buckets;
    }

    public List<ExternalApiDef> externalApis() {
        return externalApis;
    }

    public List<MailDef> mails() {
        return mails;
    }

    public List<WorkflowDef> workflows() {
        return workflows;
    }

    public Optional<WorkflowDef> workflow(String logicalName) {
        return workflows.stream().filter(w -> w.logicalName().equals(logicalName)).findFirst();
    }

    /** Every function, in the order the topology lists them. */
    public List<FunctionDef> functions() {
        return functions;
    }

    /** Every HTTP route, in function order. */
    public List<RouteDef> routes() {
        return routes;
    }

    public Optional<RouteDef> route(String routeKey) {
        return Optional.ofNullable(routesByKey.get(routeKey));
    }

    /** The functions started by {@code kind} of trigger, e.g. {@code functionsTriggeredBy(Trigger.Schedule.class)}. */
    public List<FunctionDef> functionsTriggeredBy(Class<? extends Trigger> kind) {
        return functions.stream().filter(f -> kind.isInstance(f.trigger())).toList();
    }

    /** Collects a {@link Topology}. */
    public static final class Builder {
        private final List<TableDef> tables = new ArrayList<>();
        private final List<QueueDef> queues = new ArrayList<>();
        private final List<EventBusDef> eventBuses = new ArrayList<>();
        private final List<TopicDef> topics = new ArrayList<>();
        private final List<SecretDef> secrets = new ArrayList<>();
        private final List<KeyDef> keys = new ArrayList<>();
        private final List<BucketDef> buckets = new ArrayList<>();
        private final List<ExternalApiDef> externalApis = new ArrayList<>();
        private final List<MailDef> mails = new ArrayList<>();
        private final List<WorkflowDef> workflows = new ArrayList<>();
        private final List<FunctionDef> functions = new ArrayList<>();

        private Builder() {
        }

        public Builder tables(TableDef... more) {
            tables.addAll(List.of(more));
            return this;
        }

        public Builder queues(QueueDef... more) {
            queues.addAll(List.of(more));
            return this;
        }

        public Builder eventBuses(EventBusDef... more) {
            eventBuses.addAll(List.of(more));
            return this;
        }

        public Builder topics(TopicDef... more) {
            topics.addAll(List.of(more));
            return this;
        }

        public Builder secrets(SecretDef... more) {
            secrets.addAll(List.of(more));
            return this;
        }

        public Builder keys(KeyDef... more) {
            keys.addAll(List.of(more));
            return this;
        }

        public Builder buckets(BucketDef... more) {
            buckets.addAll(List.of(more));
            return this;
        }

        public Builder externalApis(ExternalApiDef... more) {
            externalApis.addAll(List.of(more));
            return this;
        }

        public Builder mails(MailDef... more) {
            mails.addAll(List.of(more));
            return this;
        }

        public Builder workflows(WorkflowDef... more) {
            workflows.addAll(List.of(more));
            return this;
        }

        public Builder functions(FunctionDef... more) {
            functions.addAll(List.of(more));
            return this;
        }

        public Topology build() {
            return new Topology(this);
        }
    }
}
