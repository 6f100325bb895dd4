package com.warroom.payouts.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.PayoutQueries;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutView;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /v1/admin/payouts?status=&kind=&user=&stuck=&from=&to=&cursor=&limit=} (ops, finance, super_admin, support):
 * {@code {"items":[payout view],"nextCursor"}}. With {@code user}, that user's payouts newest first ({@code from}/
 * {@code to} bound their creation; {@code status} filters); else with {@code status}, the payouts in it, most recently
 * changed first ({@code from}/{@code to} bound the last change); else every payout, in no particular order
 * ({@code from}/{@code to} bound the creation). {@code kind} and {@code stuck=true|false} filter. {@code limit} is 1 to
 * 100 (50); a page may hold fewer items, even none, while {@code nextCursor} says there is more to read. Each item's
 * {@code sealIntact} is its seal checked now.
 */
final class ListPayoutsAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/payouts";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_USER_LENGTH = 200;
    private static final Set<String> PARAMETERS = Set.of("status", "kind", "user", "stuck", "from", "to", "cursor", "limit");

    private final PayoutQueries queries;
    private final PayoutSeal seal;
    private final Clock clock;

    ListPayoutsAction(PayoutQueries queries, PayoutSeal seal, Clock clock) {
        this.queries = queries;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), PARAMETERS);
        Optional<PayoutStatus> status = request.queryParam("status").flatMap(text -> known(PayoutStatus.parse(text), params,
                "status", "must be one of " + String.join(", ", Arrays.stream(PayoutStatus.values()).map(Enum::name).toList())));
        Optional<PayoutKind> kind = request.queryParam("kind").flatMap(text -> known(PayoutKind.parse(text), params,
                "kind", "must be one of " + PayoutKind.names()));
        Optional<String> user = request.queryParam("user").filter(text -> {
            boolean readable = !text.isEmpty() && text.length() <= MAX_USER_LENGTH
                    && text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
            if (!readable) {
                params.reject("user", "must be a user id: 1 to " + MAX_USER_LENGTH + " characters, no spaces or control characters");
            }
            return readable;
        });
        Optional<Boolean> stuck = request.queryParam("stuck").flatMap(text -> {
            if (!text.equals("true") && !text.equals("false")) {
                params.reject("stuck", "must be true or false");
                return Optional.empty();
            }
            return Optional.of(Boolean.parseBoolean(text));
        });
        Optional<Instant> from = instant(request, "from", params);
        Optional<Instant> to = instant(request, "to", params);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            params.reject("from", "must not be after to");
        }
        int limit = params.optionalLong("limit", 1, PayoutQueries.MAX_LIMIT).map(Long::intValue).orElse(DEFAULT_LIMIT);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        PayoutQueries.Selection selection = new PayoutQueries.Selection(user, status, from, to);
        PayoutCursor.Listing listing = new PayoutCursor.Listing(selection, kind, stuck);
        Optional<PayoutQueries.Position> after = Optional.empty();
        Optional<String> cursor = request.queryParam("cursor");
        if (cursor.isPresent()) {
            after = PayoutCursor.decode(cursor.get(), listing);
            if (after.isEmpty()) {
                return ApiResult.problem(Problem.invalidField("cursor", "is not a cursor of this listing (the same status, kind, user, "
                        + "stuck, from and to); pass the nextCursor of the previous answer as it is"));
            }
        }
        Instant now = clock.instant();
        Predicate<Payout> keep = row -> kind.map(k -> k.name().equals(row.request().kind())).orElse(true)
                && stuck.map(wanted -> PayoutView.stuck(row, now) == wanted).orElse(true);
        PayoutQueries.Listing page = queries.page(selection, keep, new PayoutQueries.Paging(limit, after));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(payout -> items.add(PayoutView.of(payout, intact(payout), now, Optional.empty())));
        body.put("nextCursor", page.next().map(position -> PayoutCursor.encode(listing, position)).orElse(null));
        return ApiResult.ok(body);
    }

    private boolean intact(Payout payout) {
        return switch (seal.verify(payout)) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> false;
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }

    private static <T> Optional<T> known(Optional<T> parsed, QueryParams params, String name, String rule) {
        if (parsed.isEmpty()) {
            params.reject(name, rule);
        }
        return parsed;
    }

    private static Optional<Instant> instant(ApiRequest request, String name, QueryParams params) {
        return request.queryParam(name).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text).truncatedTo(ChronoUnit.MILLIS));
            } catch (DateTimeParseException e) {
                params.reject(name, "must be an ISO-8601 instant such as 2026-11-30T00:00:00Z (kept to the millisecond)");
                return Optional.empty();
            }
        });
    }
}
