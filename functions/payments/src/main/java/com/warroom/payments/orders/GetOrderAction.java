package com.warroom.payments.orders;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.payments.OrderId;

/** {@code GET /v1/orders/{orderId}} (roles service, support, ops, finance): the order view, or 404. */
final class GetOrderAction implements RouteAction {

    static final String ROUTE = "GET /v1/orders/{orderId}";

    private final OrderViews views;

    GetOrderAction(OrderViews views) {
        this.views = views;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        String orderId = request.pathParameters().get("orderId");
        if (!OrderId.isValid(orderId)) {
            return ApiResult.problem(Problem.invalidField("orderId", OrderId.RULE));
        }
        return views.view(orderId).map(ApiResult::ok)
                .orElseGet(() -> ApiResult.problem(Problem.notFound("no order " + orderId + " is registered")));
    }
}
