package com.warroom.payouts.api;

import com.warroom.payouts.PayoutProblems;
import com.warroom.config.AssetSymbol;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.BodyFields;
import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import com.warroom.http.RouteAction;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.Wallet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/payouts} (role service; the {@code Idempotency-Key} is required and is the payout id):
 * {@code {"userId","kind","amount","asset","reference","roundId"?,"destination"?:{"chain","address"}}} → 201 and the
 * payout view, its hold placed in the ledger. A malformed body is 400 naming every bad field; what the user, the
 * config, the flags or the ledger refuse is answered by {@link PayoutDesk}, naming the rule.
 */
final class RequestPayoutAction implements RouteAction {

    static final String ROUTE = "POST /v1/payouts";
    static final String KEY_HEADER = "Idempotency-Key";
    static final int MAX_REFERENCE = 200;
    private static final Set<String> FIELDS = Set.of("userId", "kind", "amount", "asset", "reference", "roundId", "destination");

    private final PayoutDesk desk;
    private final PayoutReader reader;

    RequestPayoutAction(PayoutDesk desk, PayoutReader reader) {
        this.desk = desk;
        this.reader = reader;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        List<FieldError> keyErrors = new ArrayList<>();
        String payoutId = request.header("idempotency-key").orElse("");
        if (!Payout.isValidId(payoutId)) {
            keyErrors.add(new FieldError(KEY_HEADER, Payout.ID_RULE));
        }
        var parsed = BodyFields.parse(request.body(), FIELDS);
        if (parsed instanceof BodyFields.Parsed.Invalid invalid) {
            return ApiResult.problem(invalid.problem());
        }
        BodyFields fields = ((BodyFields.Parsed.Fields) parsed).fields();
        Optional<String> userId = fields.requiredString("userId").filter(id -> valid(fields, "userId", UserIds.valid(id), UserIds.USER_RULE));
        Optional<PayoutKind> kind = fields.requiredString("kind").flatMap(text -> {
            Optional<PayoutKind> known = PayoutKind.parse(text);
            if (known.isEmpty()) {
                fields.reject("kind", "must be one of " + PayoutKind.names());
            }
            return known;
        });
        Optional<String> amount = fields.requiredString("amount");
        Optional<String> asset = fields.requiredString("asset").filter(symbol -> {
            Optional<String> problem = AssetSymbol.problem(symbol);
            problem.ifPresent(why -> fields.reject("asset", why));
            return problem.isEmpty();
        });
        Optional<String> reference = fields.requiredText("reference", 1, MAX_REFERENCE);
        Optional<String> roundId = fields.optionalString("roundId").filter(id -> valid(fields, "roundId", UserIds.valid(id), UserIds.ROUND_RULE));
        Optional<Wallet> destination = fields.optionalValue("destination").flatMap(node -> WalletField.read(fields, "destination", node, false));
        if (!fields.valid() || !keyErrors.isEmpty()) {
            List<FieldError> all = new ArrayList<>(keyErrors);
            all.addAll(fields.errors());
            return ApiResult.problem(Problem.validation(all));
        }
        var asked = new PayoutRequest.Asked(userId.get(), kind.get(), amount.get(), asset.get(), reference.get(), roundId);
        var payoutRequest = new PayoutRequest(payoutId, asked, destination, request.requireCaller().sub());
        return switch (desk.request(payoutRequest)) {
            case PayoutOutcome.Accepted accepted -> ApiResult.of(201, accepted.view());
            case PayoutOutcome.Existing existing -> ApiResult.ok(reader.view(existing.payout()));
            case PayoutOutcome.Refused refused -> PayoutProblems.answer(refused.problem());
            case PayoutOutcome.Busy busy -> new ApiResult(503, Problem.unavailable(busy.why()), Map.of("Retry-After", "1"));
        };
    }

    private static boolean valid(BodyFields fields, String name, boolean valid, String rule) {
        if (!valid) {
            fields.reject(name, rule);
        }
        return valid;
    }
}
