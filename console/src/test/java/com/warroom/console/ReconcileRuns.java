package com.warroom.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.AwsClients;
import com.warroom.json.Json;
import com.warroom.observability.OpsNotices;
import com.warroom.reconcile.check.Action;
import com.warroom.reconcile.check.Aggregate;
import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.check.FindingDraft;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.check.RunContext;
import com.warroom.reconcile.report.ReportHandler;
import com.warroom.reconcile.report.Reporter;
import com.warroom.reconcile.run.CombineHandler;
import com.warroom.reconcile.run.Combiner;
import com.warroom.reconcile.run.PrepareHandler;
import com.warroom.reconcile.run.ReconcileDay;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.RunStore;
import com.warroom.reconcile.run.SegmentPlanner;
import com.warroom.reconcile.run.Wiring;
import com.warroom.topology.TableDef;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reconcile run of today driven through the real task handlers against the running ./warroom up, as its state machine
 * will (the local runner has no reconcile workflow yet), with a check of the test's own that reports what it is given.
 */
final class ReconcileRuns {

    private ReconcileRuns() {
    }

    /** A finding the test's check reports. */
    record Mismatch(String subject, Risk risk, String expected, String actual) {
    }

    /** Starts and completes a run of today whose one check reports {@code mismatches}; its run id. */
    static String completedRun(String checkName, List<Mismatch> mismatches) {
        Check check = new ReportingCheck(checkName, mismatches);
        var dynamo = AwsClients.dynamoDb();
        RunStore runs = Wiring.runs(dynamo);
        Clock clock = Clock.systemUTC();
        ReconcileRun run = ReconcileRun.starting(ReconcileDay.today(clock), "user:console-test", clock.instant());
        if (!(runs.start(run) instanceof RunStore.Start.Started)) {
            throw new IllegalStateException("a run of today is in progress");
        }
        Map<String, Object> input = new LinkedHashMap<>(Map.of("runId", run.runId(), "day", run.day().toString()));
        Map<String, Object> prepared = viaJson(new PrepareHandler(runs, SegmentPlanner.fromSettings(dynamo), List.of(check))
                .handleRequest(input, null));
        Map<String, Object> combined = viaJson(new CombineHandler(new Combiner(List.of(check), Wiring.bucket(), runs,
                Wiring.findings(dynamo), clock)).handleRequest(prepared, null));
        new ReportHandler(new Reporter(runs, Wiring.bucket(), OpsNotices.fromSettings(AwsClients.sns()), clock)).handleRequest(combined, null);
        return run.runId();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Object value) {
        return Json.read(Json.write(value), LinkedHashMap.class);
    }

    private record ReportingCheck(String name, List<Mismatch> mismatches) implements Check {

        @Override
        public List<TableDef> scans() {
            return List.of();
        }

        @Override
        public Aggregate newAggregate() {
            return new Aggregate() {
                @Override
                public void fold(TableDef table, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
                }

                @Override
                public void merge(Aggregate other) {
                }

                @Override
                public JsonNode toJson() {
                    return Json.mapper().createObjectNode();
                }
            };
        }

        @Override
        public Aggregate readAggregate(JsonNode json) {
            return newAggregate();
        }

        @Override
        public List<FindingDraft> compare(Aggregate merged, RunContext run) {
            return mismatches.stream().map(m -> new FindingDraft(name, m.subject(), m.expected(), m.actual(), "differs", m.risk(),
                    m.risk() == Risk.HIGH ? Action.ESCALATE : Action.MANUAL_REVIEW, "#reconcile-" + name)).toList();
        }
    }
}
