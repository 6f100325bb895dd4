package com.warroom.payouts.api;

import com.warroom.payouts.PayoutProblems;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.RequestOrigin;
import com.warroom.config.Chain;
import com.warroom.config.ConfigStore;
import com.warroom.config.Network;
import com.warroom.config.SeedConfig;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.Wallet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /v1/platform/users/{userId}} (role service): the platform says what it knows of a user —
 * {@code {"primaryWallet":{"chain","address"},"bluecheck","kycStatus","kycReason"?,"activeReferralCount"}}. 201 and the
 * user view the first time, 200 after. A malformed body is 400 naming every bad field; a wallet on a chain the config
 * in force does not support is 422. A change of primary wallet starts its cooling-off and is audited.
 */
final class PutUserAction implements RouteAction {

    static final String ROUTE = "PUT /v1/platform/users/{userId}";
    static final int MAX_KYC_REASON = 500;
    private static final Set<String> FIELDS = Set.of("primaryWallet", "bluecheck", "kycStatus", "kycReason", "activeReferralCount");

    private final UserRegistry registry;
    private final ConfigStore config;

    PutUserAction(UserRegistry registry, ConfigStore config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        String userId = request.pathParameters().get("userId");
        if (!UserIds.valid(userId)) {
            return ApiResult.problem(Problem.invalidField("userId", UserIds.USER_RULE));
        }
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<Wallet> wallet = fields.requiredValue("primaryWallet").flatMap(node -> WalletField.read(fields, "primaryWallet", node, true));
        Optional<Boolean> bluecheck = fields.requiredBoolean("bluecheck");
        Optional<KycStatus> kyc = fields.requiredString("kycStatus").flatMap(text -> {
            Optional<KycStatus> status = KycStatus.parse(text);
            if (status.isEmpty()) {
                fields.reject("kycStatus", "must be one of " + KycStatus.names());
            }
            return status;
        });
        Optional<String> kycReason = fields.optionalText("kycReason", 1, MAX_KYC_REASON);
        Optional<Integer> referrals = fields.requiredValue("activeReferralCount").flatMap(node -> count(fields, node));
        if (!fields.valid()) {
            return ApiResult.problem(Problem.validation(fields.errors()));
        }
        Optional<SeedConfig> inForce = config.current();
        if (inForce.isEmpty()) {
            return ApiResult.problem(Problem.unavailable("no config is loaded, so the supported networks are unknown: run the config seed"));
        }
        Chain chain = Chain.parse(wallet.get().chain()).orElseThrow();
        if (!inForce.get().supports(chain)) {
            return ApiResult.problem(PayoutProblems.unprocessable("primaryWallet.chain", chain.key()
                    + " is not a supported network of the config in force (supported: "
                    + inForce.get().networks().stream().map(Network::chain).map(Chain::key).toList() + ")"));
        }
        var standing = new UserProfile.Standing(bluecheck.get(), kyc.get().name(), kycReason, referrals.get());
        var registered = registry.register(new UserRegistry.Registration(userId, wallet.get(), standing),
                new UserRegistry.Requester(request.requireCaller(), new RequestOrigin(request.requestId(), request.sourceIp())));
        return ApiResult.of(registered instanceof UserRegistry.Registered.Created ? 201 : 200, UserView.of(registered.user(), true));
    }

    private static Optional<Integer> count(BodyFields fields, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            fields.reject("activeReferralCount", "must be a whole number from 0 to " + Integer.MAX_VALUE);
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }
}
