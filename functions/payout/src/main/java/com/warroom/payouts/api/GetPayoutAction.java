package com.warroom.payouts.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.payouts.Payout;

/**
 * {@code GET /v1/payouts/{payoutId}} (service, support, ops, finance, super_admin): the payout view with
 * {@code sealIntact} and its posted ledger entries; 404 for an id no payout has.
 */
final class GetPayoutAction implements RouteAction {

    static final String ROUTE = "GET /v1/payouts/{payoutId}";

    private final PayoutReader reader;

    GetPayoutAction(PayoutReader reader) {
        this.reader = reader;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        String payoutId = request.pathParameters().get("payoutId");
        if (!Payout.isValidId(payoutId)) {
            return ApiResult.problem(Problem.invalidField("payoutId", Payout.ID_RULE));
        }
        return reader.view(payoutId).map(ApiResult::ok)
                .orElseGet(() -> ApiResult.problem(Problem.notFound("no payout " + payoutId + " exists")));
    }
}
