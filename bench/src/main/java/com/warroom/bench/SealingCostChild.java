package com.warroom.bench;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagScope;
import com.warroom.flags.FlagSeal;
import com.warroom.flags.FlagSnapshot;
import com.warroom.flags.FlagStore;
import com.warroom.flags.toggle.FlagToggle;
import com.warroom.flags.toggle.SetFlagCommand;
import com.warroom.flags.toggle.SetFlagOutcome;
import com.warroom.http.Caller;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import com.warroom.topology.Role;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The measured JVM of {@link SealingCost}: the real {@link AuditLog}, {@link FlagStore} and {@link FlagToggle} over the
 * embedded stack (DynamoDB Local and the local KMS, over loopback HTTP through the SDK clients the functions build),
 * each operation once with {@link KmsSealer} and once with the bench's {@link NoKmsSealer}. The variants of an operation
 * alternate one call at a time, and the variant that goes first rotates, so a slow spell of the machine falls on all of
 * them alike. A round during which other processes used more than the allowed CPU is printed as disturbed and run again,
 * within a budget: on a machine that never quiets down the launcher has to fall back on the disturbed rounds.
 */
public final class SealingCostChild {

    static final String MARKER = "SEALING-COST";

    static final String KMS = "kms";
    static final String NO_KMS = "no-kms";
    static final String SCAN_ONLY = "scan-only";

    private static final Caller OPS = new Caller("bench-ops", "bench-ops@warroom.test", Set.of(Role.OPS));
    private static final FlagScope TOGGLED_SCOPE = new FlagScope.User("bench-toggle");

    private SealingCostChild() {
    }

    /** One variant of one operation: what it runs, and the sealer it runs with (counted). */
    private static final class Subject {
        final String operation;
        final String variant;
        final CountingSealer sealer;
        final Runnable call;
        final List<Long> nanos = new ArrayList<>();
        long sealsBefore;
        long verificationsBefore;

        Subject(String operation, String variant, CountingSealer sealer, Runnable call) {
            this.operation = operation;
            this.variant = variant;
            this.sealer = sealer;
            this.call = call;
        }

        void time() {
            long begin = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - begin);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, ColdInit.ordered(
                "warmup", "3",
                "rounds", "20",
                "ops", "10",
                "change-rows", "62",
                "load-rows", "10,100",
                "launcher-pid", "0",
                "max-other-cores", "0.25"));
        int warmup = options.number("warmup");
        int rounds = options.number("rounds");
        int ops = options.number("ops");
        long launcherPid = Long.parseLong(options.text("launcher-pid"));
        double maxOtherCores = Double.parseDouble(options.text("max-other-cores"));
        List<Integer> loadRows = Arrays.stream(options.text("load-rows").split(",")).map(String::strip).map(Integer::valueOf).toList();

        // one of each client, as a function builds them once
        DynamoDbEnhancedClient dynamo = AwsClients.dynamoDbEnhanced();
        KmsClient kmsClient = AwsClients.kms();
        String keyId = Settings.require(Topology.SEALS.idEnvVar());
        Sealer kms = new KmsSealer(kmsClient, keyId);
        Sealer noKms = new NoKmsSealer(keyId);
        Clock clock = Clock.systemUTC();

        List<List<Subject>> groups = new ArrayList<>();
        groups.add(kmsCalls(dynamo, kms, SealingTables.loadFlags(loadRows.getFirst()), clock));
        groups.add(List.of(
                auditAppend(dynamo, SealingTables.AUDIT_NO_KMS, NO_KMS, noKms, clock),
                auditAppend(dynamo, SealingTables.AUDIT_KMS, KMS, kms, clock)));
        int changeRows = options.number("change-rows");
        groups.add(List.of(
                flagChange(dynamo, SealingTables.FLAGS_NO_KMS, SealingTables.AUDIT_NO_KMS, NO_KMS, noKms, changeRows, clock),
                flagChange(dynamo, SealingTables.FLAGS_KMS, SealingTables.AUDIT_KMS, KMS, kms, changeRows, clock)));
        for (int rows : loadRows) {
            seedFlags(dynamo, SealingTables.loadFlags(rows), Topology.AUDIT.localName(), kms, rows, clock);
            groups.add(loads(dynamo, SealingTables.loadFlags(rows), rows, kms, noKms, clock));
        }
        System.out.printf(Locale.ROOT, "%s kind=setup changeRows=%d loadRows=%s subjects=%s%n", MARKER, changeRows,
                options.text("load-rows"), groups.stream().flatMap(List::stream).map(s -> s.operation + "/" + s.variant)
                        .collect(Collectors.joining(",")));

        int measured = 0;
        int disturbed = 0;
        // a disturbed round is run again, up to as many extra rounds as were asked for
        for (int round = 1; measured < rounds && round <= warmup + 2 * rounds; round++) {
            boolean warming = round <= warmup;
            for (List<Subject> group : groups) {
                for (Subject subject : group) {
                    subject.nanos.clear();
                    subject.sealsBefore = subject.sealer.seals();
                    subject.verificationsBefore = subject.sealer.verifications();
                }
            }
            // the machine is shared: start each round once other sessions' builds have paused, as far as they do
            CpuClock.awaitQuiet(0.15, Duration.ofSeconds(5));
            long machineBefore = CpuClock.machineBusyMillis();
            long ownBefore = CpuClock.processMillis();
            long launcherBefore = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid);
            long begin = System.nanoTime();
            for (int k = 0; k < ops; k++) {
                for (List<Subject> group : groups) {
                    for (int j = 0; j < group.size(); j++) {
                        group.get((j + k) % group.size()).time();
                    }
                }
            }
            long wallMillis = Math.max(1, (System.nanoTime() - begin) / 1_000_000);
            long launcherCpu = launcherPid == 0 ? 0 : CpuClock.processMillis(launcherPid) - launcherBefore;
            double otherCores = (CpuClock.machineBusyMillis() - machineBefore - (CpuClock.processMillis() - ownBefore) - launcherCpu)
                    / (double) wallMillis;
            boolean clean = otherCores <= maxOtherCores;
            String phase = warming ? "warmup" : clean ? "measure" : "disturbed";
            if (phase.equals("measure")) {
                measured++;
            } else if (phase.equals("disturbed")) {
                disturbed++;
            }
            for (List<Subject> group : groups) {
                for (Subject subject : group) {
                    System.out.printf(Locale.ROOT, "%s kind=samples phase=%s round=%d operation=%s variant=%s generateMac=%d verifyMac=%d nanos=%s%n",
                            MARKER, phase, round, subject.operation, subject.variant,
                            subject.sealer.seals() - subject.sealsBefore, subject.sealer.verifications() - subject.verificationsBefore,
                            subject.nanos.stream().map(String::valueOf).collect(Collectors.joining(",")));
                }
            }
            System.out.printf(Locale.ROOT, "%s kind=round phase=%s round=%d wallMillis=%d otherCores=%.2f launcherCores=%.2f%n",
                    MARKER, phase, round, wallMillis, otherCores, launcherCpu / (double) wallMillis);
        }
        System.out.printf(Locale.ROOT, "%s kind=end measuredRounds=%d disturbedRounds=%d%n", MARKER, measured, disturbed);
        System.out.flush();
        System.exit(0);
    }

    /** Single KMS calls and one consistent GetItem, for scale: what one round trip to each local service costs. */
    private static List<Subject> kmsCalls(DynamoDbEnhancedClient dynamo, Sealer kms, TableDef flags, Clock clock) {
        byte[] message = FlagSeal.canonical(42, 62, "0".repeat(64));
        Seal seal = kms.seal(message);
        CountingSealer generating = new CountingSealer(kms);
        CountingSealer verifying = new CountingSealer(kms);
        FlagStore store = new FlagStore(dynamo, flags.localName(), new NoKmsSealer("unused"), clock);
        return List.of(
                new Subject("kms-call", "GenerateMac", generating, () -> generating.seal(message)),
                new Subject("kms-call", "VerifyMac", verifying, () -> {
                    if (!(verifying.verify(message, seal) instanceof Verification.Valid)) {
                        throw new IllegalStateException("VerifyMac refused a MAC it made");
                    }
                }),
                new Subject("kms-call", "GetItem", new CountingSealer(new NoKmsSealer("unused")), store::storedSeal));
    }

    /** {@code AuditLog.commit} of one entry and no other write. */
    private static Subject auditAppend(DynamoDbEnhancedClient dynamo, TableDef audit, String variant, Sealer sealer, Clock clock) {
        CountingSealer counting = new CountingSealer(sealer);
        AuditLog log = new AuditLog(dynamo, audit.localName(), counting, clock);
        int[] n = {0};
        return new Subject("audit-append", variant, counting, () -> {
            int i = ++n[0];
            AuditDraft draft = new AuditDraft(OPS, "bench.append", "bench:sealing-cost", null, "{\"n\":" + i + "}",
                    "sealing-cost bench: one audit append", new RequestOrigin("bench-append-" + i, "127.0.0.1"));
            AuditEntry entry = log.commit(seq -> new AuditedChange.Write<AuditEntry>(List.of(), draft, e -> e));
            if (entry == null) {
                throw new IllegalStateException("the append wrote no entry");
            }
        });
    }

    /**
     * {@code FlagToggle.set} as the kill-switch route calls it, on a flags table of {@code rows} rows: the audit commit
     * (head read and checked), the flag states loaded and checked, the row and the new seals written in one
     * transaction. It switches a non-fund flag for one user off and on again (both apply at once, as a kill-switch
     * disable does), so the table keeps its size. The flag-changes message is left out: it is the same in both variants.
     */
    private static Subject flagChange(DynamoDbEnhancedClient dynamo, TableDef flags, TableDef audit, String variant, Sealer sealer,
                                      int rows, Clock clock) {
        CountingSealer counting = new CountingSealer(sealer);
        FlagToggle toggle = toggle(dynamo, flags, audit.localName(), counting, clock);
        seed(toggle, rows - 1);
        set(toggle, Flag.FEED_POSTING, TOGGLED_SCOPE, false, 0);
        boolean[] disabled = {true};
        int[] n = {0};
        return new Subject("flag-change", variant, counting, () -> {
            disabled[0] = !disabled[0];
            set(toggle, Flag.FEED_POSTING, TOGGLED_SCOPE, !disabled[0], ++n[0]);
        });
    }

    /** {@code FlagStore.load()}, what a {@code FlagGate} refresh does, with and without the seal's KMS call; and the bare scan. */
    private static List<Subject> loads(DynamoDbEnhancedClient dynamo, TableDef flags, int rows, Sealer kms, Sealer noKms, Clock clock) {
        String operation = "flag-load-" + rows;
        CountingSealer withKms = new CountingSealer(kms);
        CountingSealer withoutKms = new CountingSealer(noKms);
        FlagStore sealed = new FlagStore(dynamo, flags.localName(), withKms, clock);
        FlagStore unsealed = new FlagStore(dynamo, flags.localName(), withoutKms, clock);
        DynamoDbTable<FlagRecord> table = dynamo.table(flags.localName(), FlagRecord.SCHEMA);
        return List.of(
                new Subject(operation, SCAN_ONLY, new CountingSealer(noKms), () -> {
                    // the read before sealing: one strongly consistent scan (minus the seal item it now also returns)
                    List<FlagRecord> found = table.scan(ScanEnhancedRequest.builder().consistentRead(true).build()).items().stream()
                            .filter(r -> !FlagSeal.KEY.equals(r.flag())).toList();
                    expectRows(new FlagSnapshot(found, clock.instant()), rows);
                }),
                new Subject(operation, NO_KMS, withoutKms, () -> expectTrusted(unsealed, rows)),
                new Subject(operation, KMS, withKms, () -> expectTrusted(sealed, rows)));
    }

    private static void expectTrusted(FlagStore store, int rows) {
        if (!(store.load() instanceof FlagStore.Load.Trusted trusted)) {
            throw new IllegalStateException("the flag states do not match their seal");
        }
        expectRows(trusted.snapshot(), rows);
    }

    private static void expectRows(FlagSnapshot snapshot, int rows) {
        if (snapshot.records().size() != rows) {
            throw new IllegalStateException("loaded " + snapshot.records().size() + " flag rows, expected " + rows);
        }
    }

    /** Fills a load table through the real toggle, sealed with KMS; the audit entries go to the topology's audit table. */
    private static void seedFlags(DynamoDbEnhancedClient dynamo, TableDef flags, String auditTable, Sealer kms, int rows, Clock clock) {
        seed(toggle(dynamo, flags, auditTable, kms, clock), rows);
    }

    private static FlagToggle toggle(DynamoDbEnhancedClient dynamo, TableDef flags, String auditTable, Sealer sealer, Clock clock) {
        return new FlagToggle(new FlagToggle.Parts(
                new FlagStore(dynamo, flags.localName(), sealer, clock),
                dynamo.table(Settings.require(Topology.APPROVALS.envVar()), ApprovalRequest.SCHEMA),
                sealer,
                new AuditLog(dynamo, auditTable, sealer, clock),
                new com.warroom.flags.FlagChangeNotifier(AwsClients.sqs(), Optional.empty()),
                ApprovalWorkflowStarter.fromSettings(AwsClients.sfn()),
                com.warroom.incidents.IncidentJournal.fromSettings(dynamo)),
                clock);
    }

    /** {@code rows} distinct flag states, each disabled for a round: every one applies at once. */
    private static void seed(FlagToggle toggle, int rows) {
        Flag[] flags = Flag.values();
        for (int i = 1; i <= rows; i++) {
            set(toggle, flags[i % flags.length], new FlagScope.Round(String.format(Locale.ROOT, "R%03d", i)), false, i);
        }
    }

    private static void set(FlagToggle toggle, Flag flag, FlagScope scope, boolean enabled, int n) {
        SetFlagCommand command = new SetFlagCommand(flag, scope, enabled,
                enabled ? "Sealing-cost bench: flow restored" : "Sealing-cost bench: flow paused", Optional.empty());
        SetFlagOutcome outcome = toggle.set(command, OPS, new RequestOrigin("bench-change-" + n, "127.0.0.1"));
        if (!(outcome instanceof SetFlagOutcome.Applied)) {
            throw new IllegalStateException("setting " + command.target() + " answered " + outcome);
        }
    }
}
