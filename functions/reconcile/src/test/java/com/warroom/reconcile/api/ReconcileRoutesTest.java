package com.warroom.reconcile.api;

import static com.warroom.reconcile.api.ReconcileApi.OPS;
import static com.warroom.reconcile.api.ReconcileApi.assertProblem;
import static com.warroom.reconcile.api.ReconcileApi.event;
import static com.warroom.reconcile.api.ReconcileApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.HttpEvents;
import com.warroom.reconcile.ControlledCheck;
import com.warroom.reconcile.ReconcileWorld;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.findings.Finding;
import com.warroom.reconcile.findings.FindingAcknowledger;
import com.warroom.reconcile.findings.FindingStatus;
import com.warroom.reconcile.run.ReconcileRun;
import com.warroom.reconcile.run.RunStatus;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reconcile routes: starting runs, reading runs and reports, listing and acknowledging findings, and every refusal. */
@ExtendWith(EmbeddedStackExtension.class)
class ReconcileRoutesTest {

    private static EmbeddedStack stack;

    @BeforeAll
    static void start(EmbeddedStack embedded) {
        stack = embedded;
    }

    private static ReconcileApi api(ControlledCheck... checks) {
        return new ReconcileApi(new ReconcileWorld(stack, List.of(checks)));
    }

    private static ControlledCheck check(String what) {
        return new ControlledCheck("test-" + what + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    // ---- POST /v1/admin/reconcile/runs

    @Test
    void start_recordsARunningRunOfTodayInJakarta_startsItsWorkflow_andAnswers202() {
        ReconcileApi api = api();
        // 20:00 UTC is already the next day in Jakarta (UTC+7)
        api.world.clock.advance(Duration.ofHours(14));

        JsonNode run = ok(api.start(), 202);

        assertThat(run.path("status").asText()).isEqualTo("RUNNING");
        assertThat(run.path("day").asText()).isEqualTo(api.world.day().toString());
        assertThat(run.path("trigger").asText()).isEqualTo("user:" + OPS);
        assertThat(run.path("report").isNull()).isTrue();
        String runId = run.path("runId").asText();
        assertThat(Json.readTree(api.world.workflow.inputOf(runId)))
                .isEqualTo(Json.readTree(Json.write(Map.of("runId", runId, "day", api.world.day().toString()))));
        assertThat(api.world.runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void start_whileTheDaysRunIsInProgress_is409_andStartsNothing() {
        ReconcileApi api = api();
        String running = ok(api.start(), 202).path("runId").asText();

        JsonNode problem = assertProblem(api.start(), 409, "reconcile-run-in-progress", null);

        assertThat(problem.path("runId").asText()).isEqualTo(running);
        assertThat(api.world.workflow.started).hasSize(1);
        assertThat(api.world.runs.ofDay(api.world.day())).hasSize(1);
    }

    @Test
    void start_concurrentlyByTwoPeople_startsOneRun_andTheOtherGets409() throws Exception {
        ReconcileApi api = api();
        CyclicBarrier together = new CyclicBarrier(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String who = "ops-" + i;
                answers.add(pool.submit(() -> {
                    together.await();
                    return api.call(event(StartRunAction.ROUTE, null, "{}", Map.of(), who, Role.OPS));
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> answer : answers) {
                statuses.add(answer.get().getStatusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 409, 409, 409);
            assertThat(api.world.workflow.started).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void start_withTheSameIdempotencyKey_answersTheFirstAnswerAgain() {
        ReconcileApi api = api();
        String key = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent first = HttpEvents.withHeader(event(StartRunAction.ROUTE, null, "{}", Map.of(), OPS, Role.OPS), "Idempotency-Key", key);
        APIGatewayV2HTTPEvent second = HttpEvents.withHeader(event(StartRunAction.ROUTE, null, "{}", Map.of(), OPS, Role.OPS), "Idempotency-Key", key);

        JsonNode run = ok(api.call(first), 202);
        JsonNode again = ok(api.call(second), 202);

        assertThat(again.path("runId").asText()).isEqualTo(run.path("runId").asText());
        assertThat(api.world.workflow.started).hasSize(1);
    }

    @Test
    void start_whenTheWorkflowDoesNotStart_is503_theRunIsFailed_andTheDayFree() {
        ReconcileApi api = api();
        api.world.workflow.refuse = true;

        JsonNode problem = assertProblem(api.start(), 503, "reconcile-workflow-unavailable", null);

        ReconcileRun run = api.world.runs.find(problem.path("runId").asText()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        api.world.workflow.refuse = false;
        ok(api.start(), 202);
    }

    @Test
    void start_refusesABodyWithFields_malformedJson_andQueryParameters_writingNothing() {
        ReconcileApi api = api();
        assertProblem(api.call(event(StartRunAction.ROUTE, null, "{\"day\":\"2026-12-01\"}", Map.of(), OPS, Role.OPS)), 400, "validation", "day");
        assertProblem(api.call(event(StartRunAction.ROUTE, null, "{", Map.of(), OPS, Role.OPS)), 400, "malformed-json", null);
        assertProblem(api.call(event(StartRunAction.ROUTE, null, "[]", Map.of(), OPS, Role.OPS)), 400, null, null);
        assertProblem(api.call(event(StartRunAction.ROUTE, null, "{}", Map.of("force", "true"), OPS, Role.OPS)), 400, "validation", "force");
        assertThat(api.world.workflow.started).isEmpty();
        assertThat(api.world.runs.ofDay(api.world.day())).isEmpty();
    }

    @Test
    void start_withAnEmptyBody_startsARun() {
        ReconcileApi api = api();
        APIGatewayV2HTTPEvent empty = event(StartRunAction.ROUTE, null, null, Map.of(), OPS, Role.OPS);
        ok(api.call(empty), 202);
    }

    // ---- roles, for every route

    @ParameterizedTest
    @ValueSource(strings = {"POST /v1/admin/reconcile/runs", "GET /v1/admin/reconcile/runs", "GET /v1/admin/reconcile/runs/{id}",
            "GET /v1/admin/reconcile/runs/{id}/report", "GET /v1/admin/reconcile/findings", "POST /v1/admin/reconcile/findings/{id}/ack"})
    void everyRoute_needsAToken_andOneOfOpsFinanceOrSuperAdmin(String route) {
        ReconcileApi api = api();
        boolean finding = route.contains("findings/");
        String id = !route.contains("{id}") ? null : finding ? Finding.id("x", "y") : "rc-20261201-0123456789ab";
        String body = route.startsWith("POST") ? (finding ? "{\"ticket\":\"INC-1\"}" : "{}") : null;

        assertProblem(api.call(event(route, id, body, Map.of(), null)), 401, "unauthorized", null);
        for (Role role : List.of(Role.SUPPORT, Role.SERVICE)) {
            assertProblem(api.call(event(route, id, body, Map.of(), "someone", role)), 403, "forbidden", null);
        }
        for (Role role : List.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN)) {
            assertThat(api.call(event(route, id, body, Map.of(), "someone-" + role, role)).getStatusCode()).as(route + " " + role)
                    .isNotIn(401, 403);
            api.world.runs.holder(api.world.day()).ifPresent(r -> api.world.runs.fail(r, "test", api.world.clock.instant()));
        }
        assertThat(Topology.warroom().route(route).orElseThrow().roles()).containsExactlyInAnyOrder(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);
    }

    // ---- GET /v1/admin/reconcile/runs and /runs/{id}

    @Test
    void runs_listsTheRecentDays_newestFirst_withTheirStatusAndSummary() {
        ControlledCheck check = check("list").report("x", Risk.MEDIUM, "1", "2");
        ReconcileApi api = api(check);
        ReconcileRun yesterday = api.world.run().run();
        api.world.clock.advance(Duration.ofDays(1));
        ReconcileRun failed = api.world.run().run();
        api.world.runs.find(failed.runId());
        api.world.clock.advance(Duration.ofMinutes(1));
        String running = ok(api.start(), 202).path("runId").asText();

        JsonNode listed = ok(api.get(ListRunsAction.ROUTE, null, Map.of("days", "2")), 200);

        assertThat(listed.path("today").asText()).isEqualTo(api.world.day().toString());
        assertThat(listed.path("items").findValuesAsText("runId")).containsExactly(running, failed.runId(), yesterday.runId());
        JsonNode completed = listed.path("items").get(2);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("summary").path("byRisk").path("MEDIUM").asInt()).isEqualTo(1);
        assertThat(completed.path("report").asText()).isEqualTo("/v1/admin/reconcile/runs/" + yesterday.runId() + "/report");
        assertThat(listed.path("items").get(0).path("status").asText()).isEqualTo("RUNNING");
        assertThat(listed.path("items").get(0).path("summary").isNull()).isTrue();

        assertThat(ok(api.get(ListRunsAction.ROUTE, null, Map.of("days", "1")), 200).path("items").findValuesAsText("runId"))
                .containsExactly(running, failed.runId());
        assertThat(ok(api.get(ListRunsAction.ROUTE, null, Map.of("days", "2", "limit", "1")), 200).path("items").findValuesAsText("runId"))
                .containsExactly(running);
    }

    @ParameterizedTest
    @ValueSource(strings = {"days=0", "days=91", "days=x", "limit=0", "limit=101", "limit=1.5", "status=RUNNING"})
    void runs_refusesBadParameters_namingThem(String parameter) {
        String[] parts = parameter.split("=");
        assertProblem(api().get(ListRunsAction.ROUTE, null, Map.of(parts[0], parts[1])), 400, "validation", parts[0]);
    }

    @Test
    void run_ofACompletedRun_isItsReportAsJson_andOfARunningOne_isTheRun() {
        ControlledCheck check = check("get").report("payout P-1", Risk.HIGH, "1", "2").report("fee F", Risk.LOW, "1", "1.1");
        ReconcileApi api = api(check);
        ReconcileRun run = api.world.run().run();

        JsonNode report = ok(api.get(GetRunAction.ROUTE, run.runId(), Map.of()), 200);

        assertThat(report.path("runId").asText()).isEqualTo(run.runId());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("summary").path("findings").asInt()).isEqualTo(2);
        assertThat(report.path("findings").path("HIGH").findValuesAsText("subject")).containsExactly("payout P-1");
        assertThat(report.path("findings").path("LOW").findValuesAsText("subject")).containsExactly("fee F");
        assertThat(report.path("findings").path("MEDIUM")).isEmpty();

        String running = ok(api.start(), 202).path("runId").asText();
        JsonNode view = ok(api.get(GetRunAction.ROUTE, running, Map.of()), 200);
        assertThat(view.path("status").asText()).isEqualTo("RUNNING");
        assertThat(view.has("findings")).isFalse();
    }

    @Test
    void run_unknown_is404_andAMalformedId_is400() {
        ReconcileApi api = api();
        assertProblem(api.get(GetRunAction.ROUTE, "rc-20261201-0123456789ab", Map.of()), 404, "not-found", null);
        assertProblem(api.get(GetRunAction.ROUTE, "../etc", Map.of()), 400, "validation", "id");
        assertProblem(api.get(GetRunAction.ROUTE, "rc-20261201-0123456789ab", Map.of("x", "1")), 400, "validation", "x");
        assertProblem(api.get(GetReportAction.ROUTE, "rc-20261201-0123456789ab", Map.of()), 404, "not-found", null);
        assertProblem(api.get(GetReportAction.ROUTE, "RC-1", Map.of()), 400, "validation", "id");
    }

    // ---- GET /v1/admin/reconcile/runs/{id}/report

    @Test
    void report_isAnHtmlPage_withTheSummaryAndTheFindingsByRisk_escaped() {
        ControlledCheck check = check("html").report("payout <script>alert(1)</script>", Risk.HIGH, "1 payout", "2 payouts")
                .report("account fees:x", Risk.MEDIUM, "10", "9");
        ReconcileApi api = api(check);
        ReconcileRun run = api.world.run().run();

        APIGatewayV2HTTPResponse page = api.get(GetReportAction.ROUTE, run.runId(), Map.of());

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        String html = page.getBody();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"summary\">").contains(check.name())
                .contains("HIGH risk (1)").contains("MEDIUM risk (1)").contains("LOW risk (0)")
                .contains("2 payouts").contains("ESCALATE").contains("href=\"README.md#reconcile-" + check.name() + "\"")
                .contains("payout &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(html.indexOf("HIGH risk")).isLessThan(html.indexOf("MEDIUM risk"));
        assertThat(html.indexOf("2 payouts")).isBetween(html.indexOf("HIGH risk"), html.indexOf("MEDIUM risk"));
    }

    @Test
    void report_ofARunThatHasNone_is409() {
        ReconcileApi api = api();
        String running = ok(api.start(), 202).path("runId").asText();
        assertProblem(api.get(GetReportAction.ROUTE, running, Map.of()), 409, "reconcile-report-not-ready", null);
    }

    // ---- GET /v1/admin/reconcile/findings

    @Test
    void findings_areListedByStatusAndRisk_newestFirst_pageByPage() {
        ControlledCheck check = check("paging");
        ReconcileApi api = api(check);
        for (int i = 0; i < 5; i++) {
            check.report("subject " + i, i % 2 == 0 ? Risk.HIGH : Risk.LOW, "a", "b");
        }
        api.world.run();
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(Finding.id(check.name(), "subject " + i));
        }

        List<String> high = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Map<String, String> query = new java.util.HashMap<>(Map.of("status", "OPEN", "risk", "HIGH", "limit", "2"));
            cursor.ifPresent(c -> query.put("cursor", c));
            JsonNode page = ok(api.get(ListFindingsAction.ROUTE, null, query), 200);
            page.path("items").forEach(item -> {
                assertThat(item.path("risk").asText()).isEqualTo("HIGH");
                assertThat(item.path("status").asText()).isEqualTo("OPEN");
                high.add(item.path("findingId").asText());
            });
            cursor = page.path("nextCursor").isTextual() ? Optional.of(page.path("nextCursor").asText()) : Optional.empty();
            pages++;
        } while (cursor.isPresent() && pages < 500);

        assertThat(high.stream().filter(mine::contains)).containsExactlyInAnyOrder(Finding.id(check.name(), "subject 0"),
                Finding.id(check.name(), "subject 2"), Finding.id(check.name(), "subject 4"));
        assertThat(high).doesNotHaveDuplicates();
        JsonNode defaultListing = ok(api.get(ListFindingsAction.ROUTE, null, Map.of("risk", "LOW", "limit", "100")), 200);
        assertThat(defaultListing.path("items")).allSatisfy(item -> assertThat(item.path("status").asText()).isEqualTo("OPEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=open", "status=CLOSED", "risk=high", "risk=CRITICAL", "limit=0", "limit=101", "limit=x",
            "cursor=abc", "cursor=", "sort=asc"})
    void findings_refuseBadParameters_namingThem(String parameter) {
        String[] parts = parameter.split("=", 2);
        assertProblem(api().get(ListFindingsAction.ROUTE, null, Map.of(parts[0], parts[1])), 400, "validation", parts[0]);
    }

    @Test
    void findings_refuseACursorOfAnotherListing() {
        ControlledCheck check = check("cursor");
        ReconcileApi api = api(check);
        check.report("a", Risk.HIGH, "1", "2").report("b", Risk.HIGH, "1", "2");
        api.world.run();
        String cursor = ok(api.get(ListFindingsAction.ROUTE, null, Map.of("risk", "HIGH", "limit", "1")), 200).path("nextCursor").asText();

        assertProblem(api.get(ListFindingsAction.ROUTE, null, Map.of("risk", "LOW", "cursor", cursor)), 400, "validation", "cursor");
        assertProblem(api.get(ListFindingsAction.ROUTE, null, Map.of("status", "RESOLVED", "risk", "HIGH", "cursor", cursor)), 400,
                "validation", "cursor");
        ok(api.get(ListFindingsAction.ROUTE, null, Map.of("risk", "HIGH", "cursor", cursor)), 200);
    }

    // ---- POST /v1/admin/reconcile/findings/{id}/ack

    @Test
    void ack_ofAnOpenFinding_acknowledgesItWithTheTicket_inOneTransactionWithItsAuditEntry() {
        ControlledCheck check = check("ack").report("payout P-5", Risk.HIGH, "1", "2");
        ReconcileApi api = api(check);
        api.world.run();
        String id = Finding.id(check.name(), "payout P-5");

        JsonNode acked = ok(api.ack(id, "{\"ticket\":\"JIRA:OPS/77\"}"), 200);

        assertThat(acked.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acked.path("ticket").asText()).isEqualTo("JIRA:OPS/77");
        assertThat(acked.path("acknowledgedBy").asText()).isEqualTo(OPS);
        Finding stored = api.world.findings.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(FindingStatus.ACKNOWLEDGED);
        assertThat(stored.acknowledgement().orElseThrow().at()).isEqualTo(api.world.clock.instant());
        var stillTheRawItem = stack.dynamoDb().getItem(b -> b.tableName(Topology.RECONCILE_FINDINGS.localName())
                .key(Map.of("findingId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id)))).item();
        assertThat(stillTheRawItem.get("ticket").s()).as("the sweeper reads ticket").isEqualTo("JIRA:OPS/77");
        assertThat(stillTheRawItem.get("status").s()).isEqualTo("ACKNOWLEDGED");
        List<AuditEntry> audit = audit(id);
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().action()).isEqualTo(FindingAcknowledger.AUDIT_ACTION);
        assertThat(audit.getFirst().actorSub()).isEqualTo(OPS);
        assertThat(Json.readTree(audit.getFirst().before()).path("status").asText()).isEqualTo("OPEN");
        assertThat(Json.readTree(audit.getFirst().after()).path("ticket").asText()).isEqualTo("JIRA:OPS/77");

        JsonNode again = assertProblem(api.ack(id, "{\"ticket\":\"INC-2\"}"), 409, "finding-not-open", null);
        assertThat(again.path("findingStatus").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(api.world.findings.find(id).orElseThrow().acknowledgement().orElseThrow().ticket()).isEqualTo("JIRA:OPS/77");
        assertThat(audit(id)).hasSize(1);
    }

    @Test
    void ack_ofAResolvedFinding_is409_andOfAnUnknownOne_404_writingNothing() {
        ControlledCheck check = check("resolved").report("gone", Risk.LOW, "1", "2");
        ReconcileApi api = api(check);
        api.world.run();
        check.fixed("gone");
        api.world.run();
        String id = Finding.id(check.name(), "gone");
        Finding resolved = api.world.findings.find(id).orElseThrow();
        assertThat(resolved.status()).isEqualTo(FindingStatus.RESOLVED);

        assertProblem(api.ack(id, "{\"ticket\":\"INC-3\"}"), 409, "finding-not-open", null);
        assertProblem(api.ack(Finding.id("none", "none"), "{\"ticket\":\"INC-3\"}"), 404, "not-found", null);

        assertThat(api.world.findings.find(id).orElseThrow()).isEqualTo(resolved);
        assertThat(audit(id)).isEmpty();
    }

    @Test
    void ack_concurrentlyTwice_acknowledgesOnce() throws Exception {
        ControlledCheck check = check("race").report("r", Risk.HIGH, "1", "2");
        ReconcileApi api = api(check);
        api.world.run();
        String id = Finding.id(check.name(), "r");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String ticket : List.of("INC-A", "INC-B")) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return api.ack(id, "{\"ticket\":\"" + ticket + "\"}").getStatusCode();
                }));
            }
            assertThat(List.of(answers.get(0).get(), answers.get(1).get())).containsExactlyInAnyOrder(200, 409);
            assertThat(audit(id)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"ticket\":null}", "{\"ticket\":\"\"}", "{\"ticket\":12}", "{\"ticket\":[\"INC-1\"]}",
            "{\"ticket\":\"INC 1\"}", "{\"ticket\":\"INC-1<br>\"}", "{\"ticket\":\"INC-1\",\"note\":\"x\"}",
            "{\"ticket\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"})
    void ack_refusesABadTicket_namingTheField_writingNothing(String body) {
        ControlledCheck check = check("badticket").report("t", Risk.HIGH, "1", "2");
        ReconcileApi api = api(check);
        api.world.run();
        String id = Finding.id(check.name(), "t");
        Finding before = api.world.findings.find(id).orElseThrow();

        JsonNode problem = assertProblem(api.ack(id, body), 400, "validation", null);

        assertThat(problem.path("errors").findValuesAsText("field")).containsAnyOf("ticket", "note");
        assertThat(api.world.findings.find(id).orElseThrow()).isEqualTo(before);
        assertThat(audit(id)).isEmpty();
    }

    @Test
    void ack_refusesMalformedJson_aMalformedId_andQueryParameters() {
        ReconcileApi api = api();
        String id = Finding.id("x", "y");
        assertProblem(api.ack(id, "{\"ticket\":"), 400, "malformed-json", null);
        assertProblem(api.ack(id, ""), 400, null, null);
        assertProblem(api.ack("f-xyz", "{\"ticket\":\"INC-1\"}"), 400, "validation", "id");
        assertProblem(api.call(event(AckFindingAction.ROUTE, id, "{\"ticket\":\"INC-1\"}", Map.of("force", "1"), OPS, Role.OPS)), 400,
                "validation", "force");
    }

    private static List<AuditEntry> audit(String findingId) {
        return AuditTrail.fromSettings(new ReconcileWorld(stack, List.of()).enhanced)
                .newest(new AuditQuery(Optional.of("reconcile-finding:" + findingId), Optional.empty(), 50, Optional.empty()));
    }
}
