package com.warroom.approvals;

import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagStore;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Puts the world of an approval on the embedded stack the way the rest of Warroom leaves it: disabled
 * fund flags, PENDING requests recorded with their {@code approval.requested} entry (as the kill-switch
 * route does), and raw edits for playing the tamperer. Also counts what the tables hold.
 */
public final class ApprovalFixtures {

    public static final String REASON = "Investigation closed, contributions are safe again";
    public static final Duration TTL = Duration.ofHours(24);

    public final EmbeddedStack stack;
    public final DynamoDbEnhancedClient dynamo;
    public final ApprovalStore store;
    public final AuditTrail trail;

    public ApprovalFixtures(EmbeddedStack stack) {
        this.stack = stack;
        this.dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        this.store = new ApprovalStore(dynamo, Topology.APPROVALS.localName());
        this.trail = AuditTrail.fromSettings(dynamo);
    }

    public ApprovalServices services(Clock clock) {
        return ApprovalServices.fromSettings(dynamo, ActionRegistry.standard(), clock);
    }

    /** The services with {@code sealer} checking the requests' seals (the audit log keeps the functions' sealer). */
    public ApprovalServices services(Clock clock, Sealer requestSealer) {
        ApprovalServices services = services(clock);
        return new ApprovalServices(services.store(), services.audit(), services.auditEntries(), services.registry(), clock,
                requestSealer);
    }

    public ApplyResources resources(Clock clock) {
        return ApplyResources.fromSettings(dynamo, clock, sealer());
    }

    public FlagStore flags(Clock clock) {
        return new FlagStore(dynamo, Topology.FLAGS.localName(), sealer(), clock);
    }

    /** The sealer of the functions, on the embedded stack's local KMS. */
    public static Sealer sealer() {
        return new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar()));
    }

    public static Caller person(String sub, Role... roles) {
        return new Caller(sub, sub + "@warroom.test", Set.of(roles));
    }

    public static FlagScope newRound() {
        return new FlagScope.Round("R-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Disables the flag in the scope (the next version of its state, sealed), as the kill-switch route would. */
    public FlagRecord disable(Flag flag, FlagScope scope, Clock clock) {
        FlagStore flags = flags(clock);
        var trusted = (FlagStore.Load.Trusted) flags.load();
        FlagRecord next = new FlagRecord(flag.key(), scope.key(), false, "Paused while we investigate", "ops-setup",
                "ops-setup@warroom.test", clock.instant().toString(), trusted.current(flag, scope).version() + 1, 0);
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        flags.change(trusted, next).forEach(write -> write.accept(transaction));
        dynamo.transactWriteItems(transaction.build());
        return next;
    }

    /** A PENDING ENABLE_FUND_FLAG request for a flag disabled here first, exactly as the kill-switch route records it. */
    public ApprovalRequest requestEnable(Flag flag, FlagScope scope, Caller requester, Clock clock) {
        FlagRecord disabled = disable(flag, scope, clock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("flag", flag.key());
        payload.put("scope", scope.key());
        payload.put("enabled", true);
        payload.put("reason", REASON);
        payload.put("expectedVersion", disabled.version());
        return request(EnableFundFlagAction.NAME, payload, requester, clock);
    }

    /** A PENDING request of any action over any payload, sealed and recorded with its {@code approval.requested} entry. */
    public ApprovalRequest request(String action, Object payload, Caller requester, Clock clock) {
        return request(UUID.randomUUID().toString(), action, payload, requester, clock);
    }

    public ApprovalRequest request(String id, String action, Object payload, Caller requester, Clock clock) {
        ApprovalRequest pending = ApprovalRequest.pending(id, action, Json.canonical(payload), requester,
                REASON, clock.instant(), TTL);
        AuditLog log = new AuditLog(dynamo, Topology.AUDIT.localName(), KmsSealer.forKey(Topology.SEALS), clock);
        var recorded = new ApprovalRequester.NewRequest(pending, requester, ApprovalAudit.target(pending, ActionRegistry.standard()),
                null, new RequestOrigin("req-" + UUID.randomUUID(), "198.51.100.10"));
        ApprovalRequester requesting = new ApprovalRequester(store.table(), sealer());
        return log.commit(seq -> requesting.write(recorded, seq, request -> request));
    }

    public ApprovalRequest read(String id) {
        return store.find(id).orElseThrow();
    }

    /** Overwrites the stored request, bypassing every rule: what someone with table access could do. */
    public void overwrite(ApprovalRequest request) {
        store.table().putItem(request);
    }

    /** The approval's audit entries, oldest first. */
    public List<AuditEntry> history(String target) {
        return trail.newest(new AuditQuery(Optional.of(target), Optional.empty(), 200, Optional.empty())).reversed();
    }

    /** Runs {@code call} and answers what it printed on stdout, where the metrics go as EMF when the invocation ends. */
    public static String stdoutOf(Runnable call) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Item counts of every table an approval step may write. */
    public Map<String, Integer> counts() {
        return Map.of("flags", count(Topology.FLAGS), "audit", count(Topology.AUDIT), "approvals", count(Topology.APPROVALS));
    }

    private int count(TableDef table) {
        return stack.dynamoDb().scan(b -> b.tableName(table.localName()).select("COUNT").consistentRead(true)).count();
    }
}
