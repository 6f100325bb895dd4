package com.warroom.notifications.admin;

import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxRecord;
import com.warroom.outbox.OutboxStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/admin/outbox?status=&limit=&cursor=}: the items of one status (FAILED unless given), newest first,
 * {@code limit} (1–100, default 25) per page; {@code nextCursor}, when present, is the cursor of the following page.
 */
final class ListOutboxAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/outbox";
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private final Outbox outbox;

    ListOutboxAction(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("status", "limit", "cursor"));
        Optional<OutboxStatus> status = Optional.ofNullable(request.query().get("status")).map(text -> {
            Optional<OutboxStatus> known = OutboxStatus.parse(text);
            if (known.isEmpty()) {
                params.reject("status", "must be one of " + OutboxStatus.catalogue());
            }
            return known;
        }).orElse(Optional.of(OutboxStatus.FAILED));
        Optional<Long> limit = params.optionalLong("limit", 1, MAX_LIMIT);
        Optional<Outbox.PageKey> after = Optional.empty();
        String cursor = request.query().get("cursor");
        if (cursor != null && status.isPresent()) {
            after = OutboxCursor.decode(cursor, status.get());
            if (after.isEmpty()) {
                params.reject("cursor", "is not a cursor of a " + status.get() + " listing; pass the nextCursor of the previous answer as it is");
            }
        }
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        Outbox.Listing listing = outbox.page(status.get(), limit.map(Long::intValue).orElse(DEFAULT_LIMIT), after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", listing.items().stream().map(ListOutboxAction::view).toList());
        listing.next().ifPresent(key -> body.put("nextCursor", OutboxCursor.encode(status.get(), key)));
        return ApiResult.ok(body);
    }

    static Map<String, Object> view(OutboxRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        view.put("kind", record.kind().wireName());
        // orderId for an order's notifications, ticketId for a ticket's
        view.put(record.kind().subject().field(), record.subjectId());
        view.put("channel", record.delivery().channel().wireName());
        view.put("status", record.status().name());
        view.put("attempts", record.delivery().attempts());
        record.delivery().lastError().ifPresent(error -> view.put("lastError", error));
        view.put("createdAt", record.delivery().createdAt().toString());
        view.put("updatedAt", record.delivery().updatedAt().toString());
        return view;
    }
}
