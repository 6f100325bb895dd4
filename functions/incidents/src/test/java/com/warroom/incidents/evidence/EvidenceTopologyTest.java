package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.BucketAccess;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence can be added and read through the API, never changed or removed: the topology has no route that could. */
class EvidenceTopologyTest {

    @Test
    void routes_underIncidents_neitherReplaceNorDelete() {
        List<HttpRoute> incidentRoutes = Topology.warroom().functions().stream().flatMap(f -> f.routes().stream())
                .filter(route -> route.path().startsWith("/v1/incidents")).toList();

        assertThat(incidentRoutes).isNotEmpty();
        assertThat(incidentRoutes).allSatisfy(route -> assertThat(route.method()).isIn("GET", "POST"));
        assertThat(incidentRoutes.stream().filter(route -> route.path().contains("/evidence")))
                .extracting(route -> route.method() + " " + route.path())
                .containsExactlyInAnyOrder("POST /v1/incidents/{id}/evidence", "GET /v1/incidents/{id}/evidence/{evidenceId}");
    }

    @Test
    void evidenceBucket_isPutAndReadOnlyAndKeptAYear() {
        assertThat(Topology.warroom().functions()).allSatisfy(function ->
                assertThat(function.buckets().getOrDefault(Topology.EVIDENCE, BucketAccess.READ)).isIn(BucketAccess.READ, BucketAccess.READ_PUT));
        assertThat(Topology.INCIDENTS_API.buckets()).containsEntry(Topology.EVIDENCE, BucketAccess.READ_PUT);
        assertThat(Topology.EVIDENCE.retentionDays()).isEqualTo(365);
    }

    @Test
    void incidentsApi_queriesLogsAndReadsEveryEvidenceTable() {
        FunctionDef api = Topology.INCIDENTS_API;

        assertThat(api.queriesLogs()).isTrue();
        assertThat(api.tables()).containsKeys(Topology.ORDERS, Topology.PAYMENT_EVENTS, Topology.PAYOUTS, Topology.LEDGER_BALANCES,
                Topology.LEDGER_ENTRIES, Topology.AUDIT, Topology.FLAGS, Topology.RECONCILE_FINDINGS, Topology.TICKETS);
        assertThat(Topology.warroom().functions().stream().filter(FunctionDef::queriesLogs).map(FunctionDef::name))
                .containsExactly(api.name());
    }

    @Test
    void toBuilder_keepsQueriesLogs() {
        assertThat(Topology.INCIDENTS_API.toBuilder().build()).isEqualTo(Topology.INCIDENTS_API);
    }
}
