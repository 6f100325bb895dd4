package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Role;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final FunctionDef PAYOUTS = new FunctionDef("payouts", "functions/payout", "com.example.PayoutHandler",
            512, 10, Map.of(), Set.of(), Set.of());
    private static final RouteDef BY_ID = new RouteDef("GET", "/v1/payouts/{id}", PAYOUTS, Set.of(Role.FINANCE));
    private static final RouteDef PENDING = new RouteDef("GET", "/v1/payouts/pending", PAYOUTS, Set.of(Role.FINANCE));
    private static final RouteDef APPROVE = new RouteDef("POST", "/v1/payouts/{id}/approve", PAYOUTS, Set.of(Role.FINANCE));
    private static final RouteDef CANCEL = new RouteDef("DELETE", "/v1/payouts/{id}", PAYOUTS, Set.of(Role.FINANCE));

    private final RouteTable table = new RouteTable(List.of(BY_ID, PENDING, APPROVE, CANCEL));

    @Test
    void match_whenTheTopologyHasTheRoute_findsIt() {
        RouteTable warroom = new RouteTable(Topology.warroom().routes());

        assertThat(warroom.match("GET", "/v1/system-flags/check"))
                .isEqualTo(new RouteMatch.Found(Topology.warroom().route("GET /v1/system-flags/check").orElseThrow(), Map.of()));
    }

    @Test
    void match_whenThePathHasAVariable_returnsItStillEncoded() {
        assertThat(table.match("POST", "/v1/payouts/po%2F7/approve")).isEqualTo(new RouteMatch.Found(APPROVE, Map.of("id", "po%2F7")));
    }

    @Test
    void match_whenALiteralAndAVariableBothFit_prefersTheLiteral() {
        assertThat(table.match("GET", "/v1/payouts/pending")).isEqualTo(new RouteMatch.Found(PENDING, Map.of()));
        assertThat(table.match("GET", "/v1/payouts/po-7")).isEqualTo(new RouteMatch.Found(BY_ID, Map.of("id", "po-7")));
    }

    @Test
    void match_whenOnlyOtherMethodsServeThePath_listsThemSorted() {
        assertThat(table.match("PUT", "/v1/payouts/po-7")).isEqualTo(new RouteMatch.MethodNotAllowed(List.of("DELETE", "GET")));
    }

    @Test
    void match_whenNoTemplateFits_isNotFound() {
        assertThat(table.match("GET", "/v1/payouts")).isEqualTo(new RouteMatch.NotFound());
        assertThat(table.match("GET", "/v1/payouts/")).isEqualTo(new RouteMatch.NotFound());
        assertThat(table.match("GET", "/v1/payouts/po-7/approve/now")).isEqualTo(new RouteMatch.NotFound());
    }
}
