package com.warroom.reconcile.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import com.warroom.local.stack.sns.PublishedMessage;
import com.warroom.reconcile.ControlledCheck;
import com.warroom.reconcile.ReconcileWorld;
import com.warroom.reconcile.SumsCheck;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.findings.Finding;
import com.warroom.reconcile.findings.FindingStatus;
import com.warroom.reconcile.report.Reporter;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run driven through the real task handlers as the state machine runs them: prepare, every segment, combine, report. */
@ExtendWith(EmbeddedStackExtension.class)
@SuppressWarnings("unchecked")
class ReconcileRunTest {

    private static EmbeddedStack stack;
    private RecordedMetrics metrics;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
    }

    @BeforeEach
    void record() {
        metrics = RecordedMetrics.install();
    }

    @AfterEach
    void stopRecording() {
        metrics.close();
    }

    @Test
    void aMismatchAcrossManySegments_isOneHighFinding_inTheReport_theNotice_andTheMetrics() {
        String prefix = ReconcileWorld.newId("r");
        SumsCheck sums = new SumsCheck("test-sums-" + prefix, prefix);
        ReconcileWorld world = new ReconcileWorld(stack, List.of(sums));
        String good = prefix + "-good";
        String bad = prefix + "-bad";
        for (int i = 0; i < 10; i++) {
            world.roundItem(good, "c" + i, 100 + i);
            world.roundItem(bad, "c" + i, 7);
        }
        sums.expect(good, 1045);
        sums.expect(bad, 69);

        ReconcileWorld.Driven driven = world.run();

        assertThat(driven.failedStep()).isNull();
        List<?> segments = (List<?>) driven.outputs().get("Prepare").get("segments");
        assertThat(segments).as("rounds holds at least 20 items at 3 per segment: capped at 5").hasSize(5);
        assertThat(segments).allSatisfy(s -> assertThat((Map<String, Object>) s).containsEntry("table", "rounds").containsEntry("totalSegments", 5)
                .containsEntry("runId", driven.run().runId()).containsEntry("day", world.day().toString()));
        ReconcileRun run = driven.run();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.endedAt()).isPresent();
        RunCounts counts = run.counts().orElseThrow();
        assertThat(counts.byRisk()).containsEntry(Risk.HIGH, 1).containsEntry(Risk.MEDIUM, 0).containsEntry(Risk.LOW, 0);
        assertThat(counts.byCheck().get(sums.name())).containsEntry(Risk.HIGH, 1);
        assertThat(counts.opened()).isEqualTo(1);
        assertThat(counts.segments()).isEqualTo(5);
        assertThat(counts.scannedItems().get("rounds")).isGreaterThanOrEqualTo(20);
        assertThat(driven.outputs().get("Combine")).containsEntry("runId", run.runId()).containsEntry("day", world.day().toString())
                .containsEntry("findings", 1).doesNotContainKey("segments");
        assertThat(Json.write(driven.outputs().get("Combine")).length()).as("the Combine output is workflow state: small").isLessThan(400);

        Finding finding = world.findings.find(Finding.id(sums.name(), "round " + bad)).orElseThrow();
        assertThat(finding.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(finding.expected()).isEqualTo("69");
        assertThat(finding.actual()).isEqualTo("70");
        assertThat(finding.difference()).isEqualTo("1");
        assertThat(finding.risk()).isEqualTo(Risk.HIGH);
        assertThat(finding.firstSeenRun()).isEqualTo(run.runId());

        JsonNode report = Json.readTree(world.bucket.read(run.reportKeys().orElseThrow().json()).orElseThrow());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("findings").path("HIGH")).hasSize(1);
        assertThat(report.path("findings").path("HIGH").get(0).path("findingId").asText()).isEqualTo(finding.findingId());
        assertThat(report.path("findings").path("HIGH").get(0).path("sighting").asText()).isEqualTo("NEW");
        String html = world.bucket.read(run.reportKeys().orElseThrow().html()).orElseThrow();
        assertThat(html).contains("<table id=\"summary\">").contains(sums.name()).contains("HIGH risk (1)").contains("round " + bad)
                .contains("MEDIUM risk (0)").contains("#reconcile-" + sums.name());

        List<PublishedMessage> notices = world.notices(run.runId());
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().subject()).contains("Warroom reconcile " + world.day() + ": 1 findings (1 HIGH, 0 MEDIUM, 0 LOW)");
        assertThat(notices.getFirst().message()).contains("COMPLETED").contains("round " + bad).contains("ESCALATE")
                .contains("/v1/admin/reconcile/runs/" + run.runId() + "/report");

        assertThat(metrics.count(Reporter.COMPLETED_METRIC)).isEqualTo(1);
        assertThat(metrics.points().stream().filter(p -> p.name().equals(Reporter.FINDINGS_METRIC))
                .map(p -> p.dimensions().get("risk") + "=" + (int) p.value()).toList())
                .containsExactlyInAnyOrder("HIGH=1", "MEDIUM=0", "LOW=0");
        assertThat(world.runs.holder(world.day())).as("the day is free again").isEmpty();
    }

    @Test
    void findings_keepTheirIdAcrossRuns_resolveWhenFixed_andReopenWhenBack() {
        ControlledCheck check = new ControlledCheck("test-controlled-" + ReconcileWorld.newId("c").substring(2));
        ReconcileWorld world = new ReconcileWorld(stack, List.of(check));
        check.report("payout P-1", Risk.HIGH, "1 payout", "2 payouts").report("account fees:x", Risk.MEDIUM, "10", "9");
        String p1 = Finding.id(check.name(), "payout P-1");
        String fees = Finding.id(check.name(), "account fees:x");

        ReconcileRun first = world.run().run();
        Finding p1First = world.findings.find(p1).orElseThrow();
        assertThat(p1First.status()).isEqualTo(FindingStatus.OPEN);

        world.advance(java.time.Duration.ofHours(1));
        check.fixed("account fees:x").report("payout P-1", Risk.HIGH, "1 payout", "3 payouts");
        ReconcileRun second = world.run().run();

        Finding p1Second = world.findings.find(p1).orElseThrow();
        assertThat(p1Second.findingId()).isEqualTo(p1First.findingId());
        assertThat(p1Second.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(p1Second.firstSeenAt()).isEqualTo(p1First.firstSeenAt());
        assertThat(p1Second.firstSeenRun()).isEqualTo(first.runId());
        assertThat(p1Second.lastSeenRun()).isEqualTo(second.runId());
        assertThat(p1Second.lastSeenAt()).isAfter(p1First.lastSeenAt());
        assertThat(p1Second.actual()).as("the values as the latest run found them").isEqualTo("3 payouts");
        Finding feesResolved = world.findings.find(fees).orElseThrow();
        assertThat(feesResolved.status()).isEqualTo(FindingStatus.RESOLVED);
        assertThat(feesResolved.resolvedByRun()).contains(second.runId());
        assertThat(feesResolved.resolvedAt()).isPresent();
        assertThat(second.counts().orElseThrow().resolved()).isEqualTo(1);
        JsonNode report = Json.readTree(world.bucket.read(second.reportKeys().orElseThrow().json()).orElseThrow());
        assertThat(report.path("resolved").findValuesAsText("findingId")).containsExactly(fees);

        world.advance(java.time.Duration.ofHours(1));
        check.report("account fees:x", Risk.MEDIUM, "10", "8");
        ReconcileRun third = world.run().run();

        Finding feesBack = world.findings.find(fees).orElseThrow();
        assertThat(feesBack.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(feesBack.firstSeenRun()).as("a new occurrence").isEqualTo(third.runId());
        assertThat(feesBack.resolvedAt()).isEmpty();
        assertThat(third.counts().orElseThrow().reopened()).isEqualTo(1);
        assertThat(third.counts().orElseThrow().opened()).isZero();
    }

    @Test
    void anAcknowledgedFinding_staysAcknowledgedWhileSeen_andResolvesWhenFixed() {
        ControlledCheck check = new ControlledCheck("test-acked-" + ReconcileWorld.newId("c").substring(2));
        ReconcileWorld world = new ReconcileWorld(stack, List.of(check));
        check.report("payout P-9", Risk.HIGH, "paid once", "paid twice");
        world.run();
        String id = Finding.id(check.name(), "payout P-9");
        var acked = new com.warroom.reconcile.findings.FindingAcknowledger(world.findings,
                new com.warroom.audit.AuditLog(world.enhanced, Topology.AUDIT.localName(), com.warroom.seal.KmsSealer.forKey(Topology.SEALS),
                        world.clock), world.clock)
                .acknowledge(id, "INC-7", new com.warroom.http.Caller("ops-1", "ops@warroom.test", java.util.Set.of(com.warroom.topology.Role.OPS)),
                        new com.warroom.audit.RequestOrigin("req", "127.0.0.1"));
        assertThat(acked).isInstanceOf(com.warroom.reconcile.findings.FindingAcknowledger.Outcome.Acknowledged.class);

        ReconcileRun second = world.run().run();
        Finding seen = world.findings.find(id).orElseThrow();
        assertThat(seen.status()).isEqualTo(FindingStatus.ACKNOWLEDGED);
        assertThat(seen.acknowledgement().orElseThrow().ticket()).isEqualTo("INC-7");
        assertThat(seen.lastSeenRun()).isEqualTo(second.runId());
        assertThat(second.counts().orElseThrow().openByRisk()).as("acknowledged: not open").containsEntry(Risk.HIGH, 0);
        assertThat(second.counts().orElseThrow().acknowledged()).isEqualTo(1);

        check.fixed("payout P-9");
        ReconcileRun third = world.run().run();
        Finding resolved = world.findings.find(id).orElseThrow();
        assertThat(resolved.status()).isEqualTo(FindingStatus.RESOLVED);
        assertThat(resolved.resolvedByRun()).contains(third.runId());
    }

    @Test
    void aFindingOfACheckThatDidNotRun_isNotResolved() {
        ControlledCheck one = new ControlledCheck("test-one-" + ReconcileWorld.newId("c").substring(2));
        ControlledCheck other = new ControlledCheck("test-other-" + ReconcileWorld.newId("c").substring(2));
        one.report("x", Risk.LOW, "a", "b");
        new ReconcileWorld(stack, List.of(one)).run();

        new ReconcileWorld(stack, List.of(other)).run();

        assertThat(new ReconcileWorld(stack, List.of()).findings.find(Finding.id(one.name(), "x")).orElseThrow().status())
                .isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void aRetriedSegment_isCountedOnce() {
        String prefix = ReconcileWorld.newId("r");
        SumsCheck sums = new SumsCheck("test-retry-" + prefix, prefix);
        ReconcileWorld world = new ReconcileWorld(stack, List.of(sums), 1_000_000, 1);
        world.roundItem(prefix + "-a", "c1", 500);
        sums.expect(prefix + "-a", 500);
        var started = (RunStarter.Outcome.Started) world.starter.start("user:test");
        String runId = started.run().runId();
        Map<String, Object> prepared = ReconcileWorld.viaJson(world.prepare().handleRequest(Map.of("runId", runId, "day", world.day().toString()),
                ReconcileWorld.context("reconcile-prepare")));
        Map<String, Object> segment = ReconcileWorld.viaJson(((List<?>) prepared.get("segments")).getFirst());

        Map<String, Object> firstAttempt = world.segment().handleRequest(segment, ReconcileWorld.context("reconcile-segment"));
        Map<String, Object> secondAttempt = world.segment().handleRequest(segment, ReconcileWorld.context("reconcile-segment"));
        assertThat(firstAttempt.get("key")).isNotEqualTo(secondAttempt.get("key"));
        world.combine().handleRequest(prepared, ReconcileWorld.context("reconcile-combine"));

        assertThat(world.runs.find(runId).orElseThrow().counts().orElseThrow().total()).as("500, not 1000").isZero();
    }

    @Test
    void aSegmentWithoutItsAggregate_failsTheRun_whichIsRecordedFailed_andFreesTheDay() {
        String prefix = ReconcileWorld.newId("r");
        SumsCheck sums = new SumsCheck("test-missing-" + prefix, prefix);
        ReconcileWorld world = new ReconcileWorld(stack, List.of(sums), 1_000_000, 1);
        var started = (RunStarter.Outcome.Started) world.starter.start("user:test");
        String runId = started.run().runId();
        Map<String, Object> prepared = ReconcileWorld.viaJson(world.prepare().handleRequest(Map.of("runId", runId, "day", world.day().toString()),
                ReconcileWorld.context("reconcile-prepare")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.combine().handleRequest(prepared, ReconcileWorld.context("reconcile-combine")))
                .hasMessageContaining("has no aggregate");
        assertThat(world.runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aStepThatFails_marksTheRunFailedWithItsError_countsIt_tellsTheWarRoom_andFreesTheDay() {
        ControlledCheck check = new ControlledCheck("test-failing-" + ReconcileWorld.newId("c").substring(2));
        ReconcileWorld world = new ReconcileWorld(stack, List.of(check));
        check.failWith(new IllegalStateException("Midtrans answered 503"));

        ReconcileWorld.Driven driven = world.run();

        assertThat(driven.failedStep()).isEqualTo("Combine");
        ReconcileRun run = driven.run();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).contains("IllegalStateException").contains(check.name())
                .contains("Midtrans answered 503"));
        assertThat(run.endedAt()).isPresent();
        assertThat(run.reportKeys()).isEmpty();
        assertThat(driven.outputs().get("RecordFailure")).containsEntry("recorded", true);
        assertThat(metrics.count(RunStarter.FAILED_METRIC)).isEqualTo(1);
        assertThat(metrics.count(Reporter.COMPLETED_METRIC)).isZero();
        assertThat(world.notices(run.runId())).singleElement().satisfies(m -> assertThat(m.message()).contains("FAILED"));
        assertThat(world.runs.holder(world.day())).isEmpty();

        // the day is free: a rerun, now that the check answers, completes
        check.failWith(null);
        ReconcileWorld.Driven rerun = world.run();
        assertThat(rerun.run().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(rerun.run().day()).isEqualTo(run.day());

        // a late failure of the completed run changes nothing
        Map<String, Object> late = Map.of("runId", rerun.run().runId(), "day", world.day().toString(),
                "error", Map.of("Error", "States.Timeout", "Cause", "late"));
        assertThat(world.recordFailure().handleRequest(late, ReconcileWorld.context("reconcile-failed"))).containsEntry("recorded", false);
        assertThat(world.runs.find(rerun.run().runId()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void theReportStep_repeated_answersTheCompletedRun_withoutASecondNotice() {
        ControlledCheck check = new ControlledCheck("test-twice-" + ReconcileWorld.newId("c").substring(2));
        ReconcileWorld world = new ReconcileWorld(stack, List.of(check));
        ReconcileWorld.Driven driven = world.run();

        Map<String, Object> again = world.report().handleRequest(driven.outputs().get("Combine"), ReconcileWorld.context("reconcile-report"));

        assertThat(again).containsEntry("status", "COMPLETED");
        assertThat(world.notices(driven.run().runId())).hasSize(1);
        assertThat(world.runs.find(driven.run().runId()).orElseThrow().reportKeys()).isEqualTo(driven.run().reportKeys());
    }

    @Test
    void prepare_givesBiggerTablesMoreSegments_boundedByTheMaximum() {
        assertThat(SegmentPlanner.segmentsFor(0, 100, 10)).isEqualTo(1);
        assertThat(SegmentPlanner.segmentsFor(100, 100, 10)).isEqualTo(1);
        assertThat(SegmentPlanner.segmentsFor(101, 100, 10)).isEqualTo(2);
        assertThat(SegmentPlanner.segmentsFor(950, 100, 10)).isEqualTo(10);
        assertThat(SegmentPlanner.segmentsFor(1_000_000_000, 100, 10)).isEqualTo(10);

        String prefix = ReconcileWorld.newId("r");
        SumsCheck sums = new SumsCheck("test-plan-" + prefix, prefix);
        ControlledCheck alone = new ControlledCheck("test-plan-alone-" + prefix.substring(2));
        SumsCheck sameTable = new SumsCheck("test-plan-same-" + prefix, prefix);
        ReconcileWorld world = new ReconcileWorld(stack, List.of(sums, alone, sameTable), 1, 1000);
        for (int i = 0; i < 5; i++) {
            world.roundItem(prefix, "c" + i, 1);
        }
        long items = stack.dynamoDb().describeTable(b -> b.tableName(Topology.ROUNDS.localName())).table().itemCount();
        var started = (RunStarter.Outcome.Started) world.starter.start("user:test");

        Map<String, Object> prepared = world.prepare().handleRequest(Map.of("runId", started.run().runId(), "day", world.day().toString()),
                ReconcileWorld.context("reconcile-prepare"));

        List<?> segments = (List<?>) prepared.get("segments");
        assertThat(segments).as("one table, scanned once for both checks").hasSize((int) items)
                .allSatisfy(s -> assertThat((Map<String, Object>) s).containsEntry("table", "rounds"));
        assertThat(items).isGreaterThanOrEqualTo(5);
    }

    @Test
    void prepare_refusesARunThatIsNotRunning() {
        ReconcileWorld world = new ReconcileWorld(stack, List.of());
        ReconcileWorld.Driven done = world.run();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.prepare().handleRequest(
                        Map.of("runId", done.run().runId(), "day", world.day().toString()), ReconcileWorld.context("reconcile-prepare")))
                .hasMessageContaining("COMPLETED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.prepare().handleRequest(
                        Map.of("runId", "nope", "day", world.day().toString()), ReconcileWorld.context("reconcile-prepare")))
                .hasMessageContaining("runId");
    }
}
