package com.warroom.payouts.callback;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.observability.OpsMetrics;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutWork;
import com.warroom.payouts.rail.CallbackRejected;
import com.warroom.payouts.rail.PayoutRail;
import com.warroom.payouts.rail.RailTransaction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/webhooks/custody}: the custodian tells of a transfer's progress. A callback whose signature holds
 * queues its payout for the worker, which asks the rail itself — a callback only says "look now", so a replayed or
 * reordered one changes nothing. Unsigned or badly signed: 401 and a metric, nothing queued.
 */
final class ReceiveCallbackAction implements RouteAction {

    static final String ROUTE = "POST /v1/webhooks/custody";
    static final String REJECTED_METRIC = "CustodyCallbackRejected";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveCallbackAction.class);

    private final PayoutRail rail;
    private final PayoutWork work;

    ReceiveCallbackAction(PayoutRail rail, PayoutWork work) {
        this.rail = rail;
        this.work = work;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        if (request.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return ApiResult.problem(Problem.payloadTooLarge("a custody callback is at most " + MAX_BODY_BYTES + " bytes here"));
        }
        RailTransaction tx;
        try {
            tx = rail.parseCallback(request.headers(), request.body());
        } catch (CallbackRejected e) {
            // SnapStart's priming sends an unsigned {} through every route: that is not a forged callback
            if (!request.priming()) {
                OpsMetrics.count(REJECTED_METRIC);
            }
            return ApiResult.problem(new Problem(Problem.TYPE_BASE + "invalid-signature", "Callback is not valid", 401,
                    e.getMessage(), List.of(new FieldError("fireblocks-signature", e.getMessage()))));
        }
        String payoutId = Payout.payoutIdOf(tx.externalId());
        Map<String, Object> body = new LinkedHashMap<>();
        if (!Payout.isValidId(payoutId)) {
            LOG.warn("custody callback for transfer {} with external id '{}', which no payout has: ignored", tx.railId(), tx.externalId());
            body.put("received", true);
            body.put("payoutId", null);
            return ApiResult.ok(body);
        }
        work.nudge(payoutId);
        body.put("received", true);
        body.put("payoutId", payoutId);
        return ApiResult.ok(body);
    }
}
