package com.warroom.approvals.api;

import com.warroom.approvals.ActionRegistry;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.ApprovalStore;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/approvals?status=&limit=&next=}: requests of one status (PENDING unless given),
 * newest first, {@code limit} (1–100, default 25) per page through the {@code byStatus} index;
 * {@code next} in the answer is the cursor of the following page, or null when there is none. A row that cannot
 * be read is listed as {@link UnreadableApproval} among the others. Rows are not checked against their seals here
 * (one {@code VerifyMac} per row is too much for a page): {@code GET} of one request shows {@code tampered}.
 */
final class ListApprovalsAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/approvals";
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private final ApprovalStore store;
    private final ActionRegistry registry;
    private final Clock clock;

    ListApprovalsAction(ApprovalStore store, ActionRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("status", "limit", "next"));
        Optional<ApprovalStatus> status = Optional.ofNullable(request.query().get("status")).map(text -> {
            Optional<ApprovalStatus> known = ApprovalStatus.parse(text);
            if (known.isEmpty()) {
                params.reject("status", "must be one of " + ApprovalStatus.catalogue());
            }
            return known;
        }).orElse(Optional.of(ApprovalStatus.PENDING));
        Optional<Long> limit = params.optionalLong("limit", 1, MAX_LIMIT);
        Optional<ApprovalStore.PageKey> after = Optional.empty();
        String next = request.query().get("next");
        if (next != null && status.isPresent()) {
            after = ListCursor.decode(next, status.get());
            if (after.isEmpty()) {
                params.reject("next", "is not a cursor of a " + status.get() + " listing; pass the next of the previous answer as it is");
            }
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        ApprovalStore.Listing listing = store.newest(status.get(), limit.map(Long::intValue).orElse(DEFAULT_LIMIT), after);
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.get().name());
        body.put("approvals", listing.requests().stream()
                .<Object>map(r -> UnreadableApproval.of(r).<Object>map(u -> u).orElseGet(() -> ApprovalView.of(r, registry, now)))
                .toList());
        body.put("next", listing.next().map(key -> ListCursor.encode(status.get(), key)).orElse(null));
        return ApiResult.ok(body);
    }
}
