package com.warroom.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.alarms.Owner;
import com.warroom.json.Json;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SloCatalogTest {

    private static final SloCatalog CATALOG = SloCatalog.load();

    @Test
    void load_whenBundled_isTheRepositoryFile() throws IOException {
        String repositoryFile = Files.readString(Path.of("..", "config", "slo.json"), StandardCharsets.UTF_8);

        assertThat(SloCatalog.parse(repositoryFile, "config/slo.json")).isEqualTo(CATALOG);
    }

    @Test
    void routeGroups_whenTopologyRoutes_eachRouteInExactlyOneGroup() {
        for (RouteDef route : Topology.warroom().routes()) {
            assertThat(CATALOG.groupsOf(route.route().path())).as(route.routeKey()).hasSize(1);
        }
    }

    @Test
    void routeGroups_whenEveryGroup_hasRoutesAndAnAvailabilityOrWebhookAndALatencySlo() {
        for (RouteGroup group : CATALOG.routeGroups()) {
            assertThat(CATALOG.routeKeys(group.id(), Topology.warroom())).as(group.id()).isNotEmpty();
            List<SloKind> kinds = CATALOG.slos().stream().filter(slo -> slo.routeGroup().equals(java.util.Optional.of(group.id())))
                    .map(Slo::kind).toList();
            assertThat(kinds).as(group.id()).contains(SloKind.API_LATENCY).containsAnyOf(SloKind.API_AVAILABILITY, SloKind.WEBHOOK_SUCCESS);
        }
    }

    @Test
    void slos_whenLoaded_coverTheIssuesList() {
        assertThat(CATALOG.window()).isEqualTo(Duration.ofDays(30));
        assertThat(CATALOG.slos()).extracting(Slo::kind).contains(SloKind.values());
        assertThat(CATALOG.slos()).filteredOn(slo -> slo.kind() == SloKind.PLATFORM_EVENT_SUCCESS)
                .extracting(slo -> ((SliSource.PlatformEvents) slo.source()).eventType())
                .containsExactlyInAnyOrder("ContributionConfirmed", "ReferralClaimed", "RefundIssued");
        Slo payouts = CATALOG.slo("payout-sla").orElseThrow();
        assertThat(payouts.objective()).isEqualByComparingTo("0.99");
        assertThat(payouts.errorBudget()).isEqualByComparingTo("0.01");
        assertThat(payouts.owner()).isEqualTo(Owner.OPS);
        assertThat(payouts.source()).isEqualTo(new SliSource.PayoutSla(30));
        assertThat(CATALOG.slo("stuck-transactions").orElseThrow().source()).isEqualTo(new SliSource.StuckShare(15));
    }

    @Test
    void runbooks_whenEverySlo_isAHeadingOfTheReadme() throws IOException {
        // GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens
        List<String> anchors = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+ ", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-')).toList();
        for (Slo slo : CATALOG.slos()) {
            assertThat(anchors).as(slo.id()).contains(slo.runbook());
        }
    }

    @Test
    void metrics_whenApiAvailability_countsFiveXxAndCountPerRoute() {
        SliCounts counts = CATALOG.metrics(CATALOG.slo("api-availability-payouts").orElseThrow(), Topology.warroom());

        assertThat(counts.counted()).isEqualTo(SliCounts.Counted.BAD);
        assertThat(counts.events()).contains(new SliMetric("AWS/ApiGateway", "5xx", SloMetrics.route("GET /v1/payouts/{payoutId}"), "Sum"));
        assertThat(counts.total()).contains(new SliMetric("AWS/ApiGateway", "Count", SloMetrics.route("POST /v1/payouts"), "Sum"))
                .hasSameSizeAs(counts.events());
    }

    @Test
    void metrics_whenLatency_countsWithinTheThreshold() {
        SliCounts counts = CATALOG.metrics(CATALOG.slo("api-latency-admin").orElseThrow(), Topology.warroom());

        assertThat(counts.counted()).isEqualTo(SliCounts.Counted.GOOD);
        assertThat(counts.events()).contains(new SliMetric("AWS/ApiGateway", "Latency", SloMetrics.route("GET /v1/health"), "TC(:2000)"));
        assertThat(counts.total()).contains(new SliMetric("AWS/ApiGateway", "Latency", SloMetrics.route("GET /v1/health"), "SampleCount"));
    }

    @Test
    void metrics_whenEventSlo_goodAndValidEventCounts() {
        Slo claims = CATALOG.slo("claim-success").orElseThrow();

        assertThat(CATALOG.metrics(claims, Topology.warroom())).isEqualTo(new SliCounts(SliCounts.Counted.GOOD,
                List.of(new SliMetric("Warroom", "SloGoodEvents", java.util.Map.of("Slo", "claim-success", "Service", "platform-events-ingest"), "Sum")),
                List.of(new SliMetric("Warroom", "SloValidEvents", java.util.Map.of("Slo", "claim-success", "Service", "platform-events-ingest"), "Sum"))));
        assertThat(claims.eventCounts()).isPresent();
        assertThat(CATALOG.slo("api-latency-admin").orElseThrow().eventCounts()).isEmpty();
    }

    @Test
    void metrics_whenStuckShare_sumsThePayoutWorkersAndThePaymentProcessorsCounts() {
        Slo stuck = CATALOG.slo("stuck-transactions").orElseThrow();

        SliCounts counts = CATALOG.metrics(stuck, Topology.warroom());

        assertThat(counts.events()).extracting(SliMetric::dimensions).containsExactly(
                java.util.Map.of("Slo", "stuck-transactions", "Service", "payout-worker"),
                java.util.Map.of("Slo", "stuck-transactions", "Service", "payment-processor"));
        assertThat(counts.events()).extracting(SliMetric::metricName).containsOnly("SloGoodEvents");
        assertThat(counts.total()).extracting(SliMetric::metricName).containsExactly("SloValidEvents", "SloValidEvents");
    }

    @Test
    void parse_whenObjectiveIsANumber_refusesNamingIt() {
        assertProblem(slo -> slo.put("objective", 0.999), "slos[0].objective: a ratio as a string");
    }

    @Test
    void parse_whenObjectiveIsOneOrMore_refuses() {
        assertProblem(slo -> slo.put("objective", "1.0"), "slos[0].objective");
        assertProblem(slo -> slo.put("objective", "0.0"), "slos[0].objective: above 0");
    }

    @Test
    void parse_whenUnknownRouteGroup_refusesNamingIt() {
        assertProblem(slo -> slo.put("routeGroup", "nowhere"), "slos[0].routeGroup: nowhere is not a route group");
    }

    @Test
    void parse_whenUnknownKindOwnerOrField_refusesNamingEach() {
        assertProblem(slo -> slo.put("kind", "uptime"), "slos[0].kind: one of");
        assertProblem(slo -> slo.put("owner", "marketing"), "slos[0].owner: backend, ops or finance");
        assertProblem(slo -> slo.put("objectve", "0.9"), "slos[0].objectve: not a field of an SLO");
        assertProblem(slo -> slo.remove("runbook"), "slos[0].runbook: a non-empty string");
    }

    @Test
    void parse_whenLatencyWithoutThreshold_refuses() {
        assertProblem(slo -> {
            slo.put("kind", "api-latency");
            slo.remove("thresholdMs");
        }, "slos[0].thresholdMs: a whole number");
    }

    @Test
    void parse_whenDuplicateId_refuses() {
        ObjectNode root = (ObjectNode) Json.readTree(json());
        ArrayNode slos = (ArrayNode) root.get("slos");
        slos.add(slos.get(0).deepCopy());

        assertThatThrownBy(() -> SloCatalog.parse(root.toString(), "test.json")).isInstanceOf(SloCatalogException.class)
                .hasMessageContaining("api-availability-payments is used twice");
    }

    @Test
    void parse_whenPrefixesOverlapAcrossGroups_refuses() {
        ObjectNode root = (ObjectNode) Json.readTree(json());
        ((ArrayNode) root.get("routeGroups").get(1).get("prefixes")).add("/v1/orders/special");

        assertThatThrownBy(() -> SloCatalog.parse(root.toString(), "test.json"))
                .hasMessageContaining("/v1/orders/special of webhooks is inside group payments");
    }

    @Test
    void parse_whenNotJson_refusesNamingTheFile() {
        assertThatThrownBy(() -> SloCatalog.parse("{nope", "slo.json")).isInstanceOf(SloCatalogException.class)
                .hasMessage("slo.json is not a valid SLO catalog: not JSON");
    }

    @Test
    void covers_whenSegmentPrefix_only() {
        RouteGroup group = new RouteGroup("p", "P", List.of("/v1/payouts"));

        assertThat(group.covers("/v1/payouts")).isTrue();
        assertThat(group.covers("/v1/payouts/{payoutId}")).isTrue();
        assertThat(group.covers("/v1/payoutsx")).isFalse();
    }

    @Test
    void objective_whenParsed_isExact() {
        assertThat(CATALOG.slo("api-availability-payments").orElseThrow().objective()).isEqualTo(new BigDecimal("0.999"));
    }

    private static String json() {
        try {
            return Files.readString(Path.of("..", "config", "slo.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertProblem(Consumer<ObjectNode> change, String problem) {
        ObjectNode root = (ObjectNode) Json.readTree(json());
        change.accept((ObjectNode) root.get("slos").get(0));

        assertThatThrownBy(() -> SloCatalog.parse(root.toString(), "test.json")).isInstanceOf(SloCatalogException.class)
                .satisfies(e -> assertThat(((SloCatalogException) e).problems()).anyMatch(p -> p.startsWith(problem)));
    }
}
