package com.warroom.audit;

import com.warroom.http.Caller;

/**
 * What an admin action wants recorded, before it has a place in the chain. {@code before} and
 * {@code after} are JSON texts (null when there was nothing before, or nothing after).
 */
public record AuditDraft(
        Caller actor,
        String action,
        String target,
        String before,
        String after,
        String reason,
        RequestOrigin origin) {
}
