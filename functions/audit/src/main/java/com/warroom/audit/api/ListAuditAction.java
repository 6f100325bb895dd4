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
 * to pass for the following page, or null when there is none.
 */
final class ListAuditAction implements RouteAction {

    static final String ROUTE = "GET /v1/admin/audit";
    // API Gateway joins a repeated parameter's values with commas (target=a&target=b gives "a,b"); no
    // target or sub holds a comma, so refusing commas turns a repeated filter into a 400, not an empty page
    private static final Pattern TEXT = Pattern.compile("[\\p{Graph}&&[^,]]{1,256}");
    private static final String TEXT_RULE = "must be given once, as 1 to 256 visible characters other than commas";

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
        // one entry more than the page, so that "next" is only given when a following page has entries
        List<AuditEntry> found = trail.newest(new AuditQuery(target, actor, pageSize + 1, before));
        List<AuditEntry> entries = found.subList(0, Math.min(pageSize, found.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries.stream().map(AuditEntryView::of).toList());
        body.put("next", found.size() > pageSize ? entries.get(entries.size() - 1).seq() : null);
        return ApiResult.ok(body);
    }
}
