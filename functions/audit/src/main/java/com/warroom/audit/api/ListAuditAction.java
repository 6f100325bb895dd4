package com.warroom.audit.api;

import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditQuery;
import com.warroom.audit.AuditTrail;
import com.warroom.http.ApiRequest;
import com.warroom.http.ApiResult;
import com.warroom.http.Problem;
import com.warroom.http.QueryParams;
import com.warroom.http.RouteAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/admin/audit?target=&actor=&limit=&before=}: entries newest first. {@code actor} is the
 * actor's {@code sub}; {@code before} is a sequence number, and {@code next} in the answer is the one
 * to pass for the following page.
 */
final class ListAuditAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/audit";
    private static final Pattern TEXT = Pattern.compile("[\\p{Graph}]{1,256}");
    private static final String TEXT_RULE = "must be 1 to 256 visible characters";

    private final AuditTrail trail;

    ListAuditAction(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        QueryParams params = new QueryParams(request.query(), Set.of("target", "actor", "limit", "before"));
        Optional<String> target = params.optionalMatching("target", TEXT, TEXT_RULE);
        Optional<String> actor = params.optionalMatching("actor", TEXT, TEXT_RULE);
        Optional<Long> limit = params.optionalLong("limit", 1, AuditQuery.MAX_LIMIT);
        Optional<Long> before = params.optionalLong("before", 1, Long.MAX_VALUE);
        if (!params.valid()) {
            return ApiResult.problem(Problem.validation(params.errors()));
        }
        int pageSize = limit.map(Long::intValue).orElse(AuditQuery.DEFAULT_LIMIT);
        List<AuditEntry> entries = trail.newest(new AuditQuery(target, actor, pageSize, before));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("next", entries.size() == pageSize ? entries.get(entries.size() - 1).seq() : null);
        return ApiResult.ok(body);
    }
}
