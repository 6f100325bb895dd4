package com.warroom.alarms.api;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test alert ("simulasi alert") on the alerts topic, saying who sent it, so ops can see that alerts reach the people
 * and tools subscribed; audited with the message id SNS gave it.
 */
final class TestAlert {

    static final String AUDIT_ACTION = "alert.test";
    static final String AUDIT_TARGET = "alerts";
    static final String SUBJECT = "[Warroom] simulasi alert (test alert)";

    private final AlertTopic topic;
    private final AuditLog audit;
    private final Clock clock;

    TestAlert(AlertTopic topic, AuditLog audit, Clock clock) {
        this.topic = topic;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes first (the audit says what was sent, with its id), then records it. */
    String send(Caller caller, Optional<String> note, RequestOrigin origin) {
        Instant at = clock.instant();
        String sender = caller.email() == null || caller.email().isBlank() ? caller.sub() : caller.sub() + " (" + caller.email() + ")";
        String message = "simulasi alert: this is a test alert, not an incident. Sent by " + sender + " at " + at
                + " with POST /v1/admin/alerts/test to check that alerts reach everyone subscribed to the alerts topic."
                + note.map(text -> "\nNote: " + text).orElse("");
        String messageId = topic.publish(SUBJECT, message);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("messageId", messageId);
        after.put("subject", SUBJECT);
        note.ifPresent(text -> after.put("note", text));
        audit.commit((AuditedChange<String>) seq -> new AuditedChange.Write<>(List.of(),
                new AuditDraft(caller, AUDIT_ACTION, AUDIT_TARGET, null, Json.write(after), note.orElse(null), origin),
                entry -> messageId));
        return messageId;
    }
}
