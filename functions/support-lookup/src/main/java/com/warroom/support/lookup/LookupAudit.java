package com.warroom.support.lookup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import java.util.List;

/**
 * Who looked up whom: one audit entry per lookup, found or not, written before the answer leaves (a lookup whose entry
 * cannot be written answers an error, never an unaudited card). The query is kept as support would see it, masked,
 * whoever asked: the audit log keeps it for years and is read by more people than asked.
 */
final class LookupAudit {

    static final String ACTION = "support.lookup";
    /** The target of a lookup that found nobody: a search, not a person. */
    static final String NOBODY = "support-lookup:not-found";

    private final AuditLog audit;

    LookupAudit(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param shapes the kinds {@code q}'s shape allowed, by which it is masked
     * @param kind the kind it was found as, or null when not found
     * @param userIds the users found, the card's first
     */
    void record(Caller caller, RequestOrigin origin, String q, List<QueryKind> shapes, QueryKind kind, List<String> userIds) {
        boolean found = !userIds.isEmpty();
        ObjectNode after = Json.mapper().createObjectNode();
        after.put("query", Masking.maskQuery(q, shapes));
        after.put("kind", found ? kind.name() : null);
        shapes.stream().map(Enum::name).forEach(after.putArray("kindsTried")::add);
        userIds.forEach(after.putArray("userIds")::add);
        after.put("found", found);
        String target = found ? "user:" + userIds.get(0) : NOBODY;
        String reason = found ? "support lookup of " + userIds.size() + " user(s)" : "support lookup found nobody";
        AuditDraft draft = new AuditDraft(caller, ACTION, target, null, Json.write(after), reason, origin);
        audit.commit(seq -> new AuditedChange.Write<>(List.of(), draft, entry -> entry));
    }
}
