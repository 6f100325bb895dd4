package com.warroom.payments.admin;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.payments.reviews.PaymentReview;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/payments/reviews?state=&limit=&cursor=} (roles ops, finance, super_admin): the payment reviews of
 * a state ({@code OPEN} by default, or {@code OVERRIDDEN_PASS} with each one's override evidence), newest first, {@code limit} (1–100, default 25) per page through the {@code byState} index; {@code nextCursor} is
 * given when another page follows.
 */
final class ListReviewsAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/payments/reviews";
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private final ReviewStore reviews;

    ListReviewsAction(ReviewStore reviews) {
        this.reviews = reviews;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("state", "limit", "cursor"));
        String state = request.query().getOrDefault("state", PaymentReview.OPEN);
        if (!Set.of(PaymentReview.OPEN, PaymentReview.OVERRIDDEN_PASS).contains(state)) {
            params.reject("state", "must be " + PaymentReview.OPEN + " or " + PaymentReview.OVERRIDDEN_PASS);
        }
        Optional<Long> limit = params.optionalLong("limit", 1, MAX_LIMIT);
        Optional<ReviewStore.PageKey> after = Optional.empty();
        String cursor = request.query().get("cursor");
        if (cursor != null) {
            after = ReviewCursor.decode(cursor);
            if (after.isEmpty()) {
                params.reject("cursor", "is not a cursor of this list; pass the nextCursor of the previous answer as it is");
            }
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        ReviewStore.Listing listing = reviews.newest(state, limit.map(Long::intValue).orElse(DEFAULT_LIMIT), after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("reviews", listing.reviews().stream().map(ListReviewsAction::view).toList());
        listing.next().ifPresent(key -> body.put("nextCursor", ReviewCursor.encode(key)));
        return ApiResult.ok(body);
    }

    private static Map<String, Object> view(PaymentReview review) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", review.id());
        view.put("kind", review.kind());
        view.put("orderId", review.orderId());
        view.put("eventKey", review.eventKey());
        view.put("detail", review.detail());
        review.expected().ifPresent(amount -> view.put("expected", amount(amount)));
        review.received().ifPresent(amount -> view.put("received", amount(amount)));
        view.put("state", review.state());
        view.put("createdAt", review.createdAt());
        review.override().ifPresent(override -> view.put("override", Json.readTree(override.evidence())));
        return view;
    }

    private static Map<String, Object> amount(PaymentReview.Amount amount) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("amount", amount.amount());
        view.put("currency", amount.currency());
        return view;
    }
}
