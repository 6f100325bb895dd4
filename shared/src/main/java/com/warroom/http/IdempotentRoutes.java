package com.warroom.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.idempotency.Claim;
import com.warroom.idempotency.Fingerprint;
import com.warroom.idempotency.IdempotencyKey;
import com.warroom.idempotency.IdempotencyStore;
import com.warroom.idempotency.StoredResponse;
import com.warroom.topology.Idempotency;
import com.warroom.topology.RouteDef;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's idempotency for the routes that take an {@code Idempotency-Key}: the first request with a key runs and its
 * 2xx or 4xx answer is stored; a retry with the same request gets that answer again, marked
 * {@value #REPLAYED_HEADER}; a retry while the first still runs gets 409 with {@code Retry-After}; the key sent with
 * another request gets 422. A 5xx answer is not stored, so that a retry runs again; nor is a 4xx that carries
 * {@code Retry-After} (a refusal by a state that may change, such as a kill switch: it wrote nothing, and the same
 * request may pass later).
 */
final class IdempotentRoutes {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRoutes.class);

    private final IdempotencyStore store;

    IdempotentRoutes(IdempotencyStore store) {
        this.store = store;
    }

    /** The answer to an admitted request of {@code route} (REQUIRED or OPTIONAL); {@code run} runs its action. */
    APIGatewayV2HTTPResponse answer(RouteDef route, ApiRequest request, Supplier<APIGatewayV2HTTPResponse> run) {
        var header = request.header(KEY_HEADER.toLowerCase(Locale.ROOT));
        if (header.isEmpty()) {
            return route.idempotency() == Idempotency.REQUIRED
                    ? refuse(Problem.invalidField(KEY_HEADER, "is required on " + route.routeKey()), request)
                    : run.get();
        }
        if (!IdempotencyKey.isValid(header.get())) {
            return refuse(Problem.invalidField(KEY_HEADER, IdempotencyKey.RULE), request);
        }
        // a route without a caller (none takes a key today) shares one key space
        var key = new IdempotencyKey(route.routeKey(), request.caller().map(Caller::sub).orElse(""), header.get());
        return switch (store.claim(key, Fingerprint.of(route.method(), request.rawPath(), request.body()))) {
            case Claim.Claimed claimed -> runClaimed(claimed, run, request.requestId());
            case Claim.Replay replay -> replayed(replay.response(), request.requestId());
            case Claim.InProgress inProgress -> ApiRouter.encode(new ApiResult(409, Problem.requestInProgress(
                    "a request with this " + KEY_HEADER + " is still running; retry once it is answered"),
                    Map.of("Retry-After", "1")), request.requestId());
            case Claim.Reused reused -> refuse(Problem.idempotencyKeyReused("this " + KEY_HEADER
                    + " was already used with another request (method, path or body); send a new key for a new request"), request);
        };
    }

    private APIGatewayV2HTTPResponse runClaimed(Claim.Claimed claimed, Supplier<APIGatewayV2HTTPResponse> run, String requestId) {
        APIGatewayV2HTTPResponse response;
        try {
            response = run.get();
        } catch (RuntimeException | Error e) {
            release(claimed, requestId);
            throw e;
        }
        if (response.getStatusCode() >= 500 || response.getHeaders() != null && response.getHeaders().containsKey("Retry-After")) {
            release(claimed, requestId);
            return response;
        }
        try {
            store.complete(claimed, stored(response));
        } catch (RuntimeException e) {
            // the action ran, so its answer is still the caller's; retries with the key get 409 until the record expires
            LOG.error("request {}: its answer could not be stored for replay", requestId, e);
        }
        return response;
    }

    private void release(Claim.Claimed claimed, String requestId) {
        try {
            store.release(claimed);
        } catch (RuntimeException e) {
            LOG.error("request {}: its idempotency key could not be released; retries get 409 until it expires", requestId, e);
        }
    }

    private static APIGatewayV2HTTPResponse refuse(Problem problem, ApiRequest request) {
        return ApiRouter.encode(ApiResult.problem(problem), request.requestId());
    }

    // the request id is the one request's, not part of the answer a retry gets again
    private static StoredResponse stored(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.remove(ApiRouter.REQUEST_ID_HEADER);
        return new StoredResponse(response.getStatusCode(), headers, response.getBody());
    }

    private static APIGatewayV2HTTPResponse replayed(StoredResponse stored, String requestId) {
        Map<String, String> headers = new HashMap<>(stored.headers());
        headers.put(REPLAYED_HEADER, "true");
        return ApiRouter.response(stored.status(), headers, stored.body(), requestId);
    }
}
