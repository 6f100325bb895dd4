package com.warroom.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Idempotency;
import com.warroom.topology.Role;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final HttpRoute BY_ID_ROUTE = HttpRoute.get("/v1/payouts/{id}", Set.of(Role.FINANCE));
    private static final HttpRoute PENDING_ROUTE = HttpRoute.get("/v1/payouts/pending", Set.of(Role.FINANCE));
    private static final HttpRoute APPROVE_ROUTE = HttpRoute.post("/v1/payouts/{id}/approve", Set.of(Role.FINANCE), Idempotency.REQUIRED);
    private static final HttpRoute CANCEL_ROUTE = new HttpRoute("DELETE", "/v1/payouts/{id}", Set.of(Role.FINANCE), Idempotency.NONE);
    private static final FunctionDef PAYOUTS = FunctionDef.builder("payouts").module("functions/payout")
            .handler("com.example.PayoutHandler").memoryMb(512).timeoutSeconds(10)
            .routes(BY_ID_ROUTE, PENDING_ROUTE, APPROVE_ROUTE, CANCEL_ROUTE).build();
    private static final RouteDef BY_ID = new RouteDef(BY_ID_ROUTE, PAYOUTS);
    private static final RouteDef PENDING = new RouteDef(PENDING_ROUTE, PAYOUTS);
    private static final RouteDef APPROVE = new RouteDef(APPROVE_ROUTE, PAYOUTS);
    private static final RouteDef CANCEL = new RouteDef(CANCEL_ROUTE, PAYOUTS);

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
