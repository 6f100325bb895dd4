package com.warroom.reconcile.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.findings.FindingStatus;
import com.warroom.reconcile.findings.FindingsStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /v1/admin/reconcile/findings?status=&risk=&limit=&cursor=} (ops, finance, super_admin):
 * {@code {"items":[finding],"nextCursor"}}, the findings in {@code status} (OPEN, ACKNOWLEDGED or RESOLVED; default
 * OPEN), newest first sighting first, of {@code risk} (HIGH, MEDIUM, LOW) when given. {@code limit} is 1 to 100 (50);
 * with a risk, a page may hold fewer items, even none, while {@code nextCursor} says there is more to read.
 */
final class ListFindingsAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/reconcile/findings";
    private static final Set<String> PARAMETERS = Set.of("status", "risk", "limit", "cursor");

    private final FindingsStore findings;

    ListFindingsAction(FindingsStore findings) {
        this.findings = findings;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), PARAMETERS);
        Optional<FindingStatus> status = request.queryParam("status").map(text -> {
            Optional<FindingStatus> known = FindingStatus.parse(text);
            if (known.isEmpty()) {
                params.reject("status", "must be one of " + names(FindingStatus.values()));
            }
            return known.orElse(null);
        });
        Optional<Risk> risk = request.queryParam("risk").map(text -> {
            Optional<Risk> known = Arrays.stream(Risk.values()).filter(r -> r.name().equals(text)).findFirst();
            if (known.isEmpty()) {
                params.reject("risk", "must be one of " + names(Risk.values()));
            }
            return known.orElse(null);
        });
        int limit = params.optionalLong("limit", 1, 100).map(Long::intValue).orElse(50);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        FindingStatus listed = status.orElse(FindingStatus.OPEN);
        Optional<Map<String, AttributeValue>> start = Optional.empty();
        Optional<String> cursor = request.queryParam("cursor");
        if (cursor.isPresent()) {
            start = FindingCursor.decode(cursor.get(), listed, risk);
            if (start.isEmpty()) {
                return ApiResult.problem(Problem.invalidField("cursor", "is not a cursor of this listing (the same status and risk); "
                        + "pass the nextCursor of the previous answer as it is"));
            }
        }
        FindingsStore.Page page = findings.page(listed, risk, limit, start);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(finding -> items.add(Json.mapper().<com.fasterxml.jackson.databind.JsonNode>valueToTree(finding.view())));
        body.put("nextCursor", page.next().map(key -> FindingCursor.encode(listed, risk, key)).orElse(null));
        return ApiResult.ok(body);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
