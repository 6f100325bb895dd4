package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Role;
import com.warroom.topology.RouteDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Support can read, never change, order or payout state (issue 13): in the topology both realizations build, the role
 * {@code support} is on no write route of a function that writes a money table or the flags, approvals or config, but
 * the ticket routes it is given. The routes come from the topology, so a new one is checked the day it is added; the
 * gateway test (local runner, SupportRoleGatewayTest) shows each of them refusing a support token with nothing written.
 */
class SupportRoutesTest {

    private static final Topology TOPOLOGY = Topology.warroom();

    /** The write routes issue 13 gives the role {@code support}: filing a ticket and working on one. */
    static final Set<String> SUPPORT_WRITE_ROUTES = Set.of(
            "POST /v1/support/tickets",
            "POST /v1/support/tickets/{id}/priority",
            "POST /v1/support/tickets/{id}/assign",
            "POST /v1/support/tickets/{id}/comments",
            "POST /v1/support/tickets/{id}/follow-up",
            "POST /v1/support/tickets/{id}/status",
            "POST /v1/support/tickets/{id}/links",
            "POST /v1/support/tickets/{id}/reproduced",
            "POST /v1/support/tickets/{id}/fixed");

    /** The write routes issue 14 gives {@code support}: reporting an incident (its severity left to ops) and noting on one. */
    static final Set<String> SUPPORT_INCIDENT_ROUTES = Set.of("POST /v1/incidents", "POST /v1/incidents/{id}/notes");

    /** What a function that writes one of these can change: money, and what controls its flows. */
    static final List<TableDef> GUARDED_TABLES = Stream.concat(SupportFunctionsTest.MONEY_TABLES.stream(),
            SupportFunctionsTest.CONTROL_TABLES.stream()).toList();

    /** Every function that may put or update an item of a money table or of the flags, approvals or config. */
    static Stream<FunctionDef> guardedWriters() {
        return TOPOLOGY.functions().stream().filter(SupportRoutesTest::writesGuardedTable);
    }

    @ParameterizedTest
    @MethodSource("guardedWriters")
    void writerOfMoneyOrControls_hasNoWriteRouteForSupport_butTheTicketRoutes(FunctionDef function) {
        List<String> supportWrites = function.routes().stream()
                .map(route -> new RouteDef(route, function))
                .filter(RouteDef::takesBody)
                .filter(route -> route.allows(Set.of(Role.SUPPORT)))
                .map(RouteDef::routeKey)
                .toList();

        assertThat(supportWrites).as(function.name()).isSubsetOf(SUPPORT_WRITE_ROUTES);
    }

    @Test
    void writeRoutes_thatSupportMayCall_areExactlyTheTicketRoutesAndReportingAnIncident() {
        List<RouteDef> supportWrites = TOPOLOGY.routes().stream()
                .filter(RouteDef::takesBody)
                .filter(route -> route.allows(Set.of(Role.SUPPORT)))
                .toList();

        assertThat(supportWrites).extracting(RouteDef::routeKey).containsExactlyInAnyOrderElementsOf(
                Stream.concat(SUPPORT_WRITE_ROUTES.stream(), SUPPORT_INCIDENT_ROUTES.stream()).toList());
        assertThat(supportWrites).extracting(route -> route.function().name())
                .containsOnly(Topology.SUPPORT_TICKETS.name(), Topology.INCIDENTS_API.name());
    }

    @Test
    void writeRoutes_thatSupportMayCall_noneIsAPutOrADelete() {
        assertThat(TOPOLOGY.routes()).filteredOn(route -> route.allows(Set.of(Role.SUPPORT)))
                .extracting(RouteDef::method)
                .doesNotContain("PUT", "DELETE", "PATCH");
    }

    @Test
    void guardedWriters_areTheFunctionsThatMoveMoneyOrChangeControls() {
        // what the parameterized check above runs over: if the filter stopped finding these, it would prove nothing
        assertThat(guardedWriters()).contains(Topology.FLAG_ADMIN, Topology.APPROVALS_API, Topology.CONFIG_CHANGE, Topology.ORDERS_API,
                Topology.PAYOUT_API, Topology.PAYOUT_ADMIN, Topology.PAYMENT_PROCESSOR, Topology.PLATFORM_EVENTS_INGEST,
                Topology.SUPPORT_TICKETS);
        assertThat(guardedWriters()).doesNotContain(Topology.SUPPORT_LOOKUP, Topology.STUCK_LIST, Topology.LEDGER_READ);
    }

    @Test
    void readRoutes_thatAnswerWhatHappenedToSomeonesMoney_letSupportIn() {
        assertThat(Stream.of("GET /v1/support/lookup", "GET /v1/orders/{orderId}", "GET /v1/payouts/{payoutId}",
                "GET /v1/platform/users/{userId}", "GET /v1/admin/stuck", "GET /v1/support/tickets", "GET /v1/support/tickets/{id}"))
                .allSatisfy(routeKey -> assertThat(TOPOLOGY.route(routeKey)).as(routeKey).hasValueSatisfying(
                        route -> assertThat(route.allows(Set.of(Role.SUPPORT))).as(routeKey).isTrue()));
    }

    private static boolean writesGuardedTable(FunctionDef function) {
        return GUARDED_TABLES.stream()
                .map(table -> function.tables().get(table))
                .anyMatch(access -> access == TableAccess.READ_APPEND || access == TableAccess.READ_WRITE);
    }
}
