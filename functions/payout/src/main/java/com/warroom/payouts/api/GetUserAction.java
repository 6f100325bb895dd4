package com.warroom.payouts.api;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;

/**
 * {@code GET /v1/platform/users/{userId}} (service, support, ops, finance, super_admin): the user view, with whether the
 * primary wallet matches its seal ({@code sealIntact}); 404 for a user the platform never registered.
 */
final class GetUserAction implements RouteAction {

    static final String ROUTE = "GET /v1/platform/users/{userId}";

    private final UserRegistry registry;
    private final WalletCheck wallets;

    GetUserAction(UserRegistry registry, WalletCheck wallets) {
        this.registry = registry;
        this.wallets = wallets;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        String userId = request.pathParameters().get("userId");
        if (!UserIds.valid(userId)) {
            return ApiResult.problem(Problem.invalidField("userId", UserIds.USER_RULE));
        }
        return registry.find(userId)
                .map(user -> ApiResult.ok(UserView.of(user, wallets.intact(user, "read for the users route"))))
                .orElseGet(() -> ApiResult.problem(Problem.notFound("no user " + userId + " is registered")));
    }
}
