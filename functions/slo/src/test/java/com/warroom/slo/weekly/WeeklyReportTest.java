package com.warroom.slo.weekly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.LocalLambdaContext;
import com.warroom.observability.MetricPoint;
import com.warroom.slo.SloWorld;
import com.warroom.slo.report.ReportStore;
import com.warroom.topology.BucketDef;
import com.warroom.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The Monday report over the embedded stack: the week before Monday 08:00 Asia/Jakarta, its SLIs from the tables and
 * the metric file, the week's incidents with MTTR, the alarms that fired; stored once per week, never altered.
 */
@ExtendWith(EmbeddedStackExtension.class)
class WeeklyReportTest {

    // Monday 2026-11-30 08:05 in Jakarta: the schedule's run, five minutes late
    private static final Instant RUN_AT = Instant.parse("2026-11-30T01:05:00Z");
    private static final Instant FROM = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path data;
    private SloWorld world;
    private String bucket;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp(EmbeddedStack stack) {
        bucket = stack.localS3().register(new BucketDef("slo-week-" + run, 1));
        world = new SloWorld(stack, data.resolve("metrics.jsonl"), RUN_AT, bucket);
    }

    @Test
    void weekly_whenTheWeekHadPayoutsOrdersEventsIncidentsAndAlarms_reportsEachWithItsNumbers() {
        // payouts: p1 confirmed in 20 min, p2 in 60, p3 failed, p4 open 2 h before the end, p5 open 10 min, p6 after the week
        payout("p1", "CONFIRMED", "2026-11-24T10:00:00.000Z", "2026-11-24T10:20:00.000Z");
        payout("p2", "CONFIRMED", "2026-11-25T10:00:00.000Z", "2026-11-25T11:00:00.000Z");
        payout("p3", "FAILED", "2026-11-26T09:00:00.000Z", "2026-11-26T09:05:00.000Z");
        payout("p4", "SUBMITTED", "2026-11-29T23:00:00.000Z", "2026-11-29T23:01:00.000Z");
        payout("p5", "SUBMITTED", "2026-11-30T00:50:00.000Z", "2026-11-30T00:51:00.000Z");
        payout("p6", "CONFIRMED", "2026-11-30T01:30:00.000Z", "2026-11-30T01:40:00.000Z");
        order("o1", "PAID", "2026-11-27T10:00:00.000Z", "2026-11-27T10:03:00.000Z");
        order("o2", "PENDING", "2026-11-28T10:00:00.000Z", null);
        event("c1", "ContributionConfirmed", "2026-11-24T08:00:00.000Z");
        event("c2", "ContributionConfirmed", "2026-11-28T08:00:00.000Z");
        event("c3", "ContributionConfirmed", "2026-11-22T08:00:00.000Z"); // the week before
        Map<String, String> contribute = Map.of("Slo", "contribute-success", "Service", "platform-events-ingest");
        world.emit(new MetricPoint("Warroom", "SloValidEvents", contribute, 3, Instant.parse("2026-11-24T08:00:00Z")));
        world.emit(new MetricPoint("Warroom", "SloGoodEvents", contribute, 2, Instant.parse("2026-11-24T08:00:00Z")));
        incident("inc-a-" + run, "Paid but no access", "P1", "RESOLVED", "2026-11-25T10:00:00.000Z", "2026-11-25T12:30:00.000Z");
        incident("inc-b-" + run, "Slow support lookup", null, "DETECTED", "2026-11-29T10:00:00.000Z", null);
        world.emit(new MetricPoint("Warroom", "PayoutFailed", Map.of("Service", "payout-worker"), 3, Instant.parse("2026-11-26T09:05:00Z")));

        Map<String, Object> output = world.weekly().handleRequest(Map.of(), LocalLambdaContext.of("slo-weekly", 1024, 120));

        assertThat(output).containsEntry("reportId", "week-2026-11-30").containsEntry("created", true);
        JsonNode report = Json.readTree(world.store.latest().orElseThrow());
        assertThat(report.path("from").asText()).isEqualTo(FROM.toString());
        assertThat(report.path("to").asText()).isEqualTo("2026-11-30T01:00:00Z");
        assertCounts(sli(report, "payout-sla"), 1, 4, "BREACHED");
        assertCounts(sli(report, "stuck-transactions"), 3, 7, "BREACHED");
        assertCounts(sli(report, "contribute-success"), 2, 3, "BREACHED");
        assertCounts(sli(report, "refund-success"), 0, 0, "NO_DATA");
        JsonNode incidents = report.path("incidents");
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).path("incidentId").asText()).isEqualTo("inc-a-" + run);
        assertThat(incidents.get(0).path("severity").asText()).isEqualTo("P1");
        assertThat(incidents.get(0).path("mttrMinutes").asLong()).isEqualTo(150);
        assertThat(incidents.get(1).path("severity").isNull()).isTrue();
        assertThat(incidents.get(1).path("mttrMinutes").isNull()).isTrue();
        assertThat(report.path("topAlarms").findValuesAsText("name")).contains("payout-failures");
        String html = world.store.read(ReportStore.keys("week-2026-11-30").html()).orElseThrow();
        assertThat(html).contains("Paid but no access").contains("Payouts CONFIRMED within 30 minutes");
    }

    @Test
    void weekly_whenRunAgainThatWeek_findsTheFirstReport_andTellsNobodyTwice() {
        int before = world.notices();
        Map<String, Object> first = world.weekly().handleRequest(Map.of(), LocalLambdaContext.of("slo-weekly", 1024, 120));
        world.clock.advance(Duration.ofHours(3));
        world.request("GET /v1/health", 500, 3, RUN_AT.plusSeconds(60));

        Map<String, Object> again = world.weekly().handleRequest(Map.of(), LocalLambdaContext.of("slo-weekly", 1024, 120));

        assertThat(again).containsEntry("reportId", first.get("reportId")).containsEntry("created", false);
        assertThat(world.notices()).isEqualTo(before + 1);
    }

    @Test
    void reportObjects_whenWritten_cannotBeReplacedNorDeleted() {
        world.weekly().handleRequest(Map.of(), LocalLambdaContext.of("slo-weekly", 1024, 120));
        String key = ReportStore.keys("week-2026-11-30").json();
        String stored = world.store.read(key).orElseThrow();

        assertThatThrownBy(() -> AwsClients.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}")))
                .isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> AwsClients.s3().deleteObject(b -> b.bucket(bucket).key(key))).isInstanceOf(S3Exception.class);
        assertThat(world.store.put("week-2026-11-30", RUN_AT, "{}", "<p>") ).as("put only if absent").isFalse();
        assertThat(world.store.read(key)).contains(stored);
    }

    private static void assertCounts(JsonNode sli, long good, long total, String status) {
        assertThat(sli.path("good").asLong()).as(sli.toString()).isEqualTo(good);
        assertThat(sli.path("total").asLong()).as(sli.toString()).isEqualTo(total);
        assertThat(sli.path("status").asText()).as(sli.toString()).isEqualTo(status);
    }

    private static JsonNode sli(JsonNode report, String id) {
        for (JsonNode sli : report.path("slis")) {
            if (sli.path("id").asText().equals(id)) {
                return sli;
            }
        }
        throw new AssertionError("no SLI " + id);
    }

    private void payout(String id, String status, String createdAt, String updatedAt) {
        put(Topology.PAYOUTS, Map.of("payoutId", s(id + "-" + run), "status", s(status), "createdAt", s(createdAt), "updatedAt", s(updatedAt)));
    }

    private void order(String id, String status, String createdAt, String paidAt) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("orderId", s(id + "-" + run), "status", s(status),
                "createdAt", s(createdAt), "updatedAt", s(paidAt == null ? createdAt : paidAt)));
        if (paidAt != null) {
            item.put("paidAt", s(paidAt));
        }
        put(Topology.ORDERS, item);
    }

    private void event(String id, String type, String occurredAt) {
        put(Topology.PLATFORM_EVENTS, Map.of("eventId", s(id + "-" + run), "type", s(type), "occurredAt", s(occurredAt)));
    }

    private void incident(String id, String title, String severity, String status, String detectedAt, String resolvedAt) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("incidentId", s(id), "item", s("incident"), "listKey", s("incident"),
                "title", s(title), "status", s(status), "detectedAt", s(detectedAt)));
        if (severity != null) {
            item.put("severity", s(severity));
        }
        if (resolvedAt != null) {
            item.put("resolvedAt", s(resolvedAt));
        }
        put(Topology.INCIDENTS, item);
    }

    private static void put(com.warroom.topology.TableDef table, Map<String, AttributeValue> item) {
        AwsClients.dynamoDb().putItem(b -> b.tableName(Settings.require(table.envVar())).item(item));
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }
}
