package com.warroom.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.json.Json;
import java.util.List;

/**
 * An audit entry as the API shows it: who (actor), what (action, target, before, after), when (time), why
 * (reason), from where (request id, source IP), and its links in the chain. The hashes are over the stored
 * form, which {@code GET /v1/admin/audit/verify} checks.
 */
record AuditEntryView(long seq, String id, String time, Actor actor, String action, String target, JsonNode before,
                      JsonNode after, String reason, String requestId, String sourceIp, String prevHash, String hash) {

    record Actor(String sub, String email, List<String> roles) {
    }

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.id(), e.at(), new Actor(e.actorSub(), e.actorEmail(), e.actorRoles()),
                e.action(), e.target(), state(e.before()), state(e.after()), e.reason(), e.requestId(), e.sourceIp(),
                e.prevHash(), e.hash());
    }

    private static JsonNode state(String json) {
        return json == null ? null : Json.readTree(json);
    }
}
