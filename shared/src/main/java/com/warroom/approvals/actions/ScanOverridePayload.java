package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payload of {@code SCAN_OVERRIDE}: {@code {"subject": "<payment review id>", "note": "..."}} — which failed check
 * to let through, and why (the note is optional for requests recorded before the apply step existed).
 */
public record ScanOverridePayload(String subject, Optional<String> note) {

    public static final int MAX_SUBJECT_LENGTH = 256;
    public static final int MAX_NOTE_LENGTH = 1000;

    /** The audit target every entry of the override is written under: {@code scan:<subject>}. */
    public String target() {
        return "scan:" + subject;
    }

    /** The payload as it is recorded (canonical JSON is made of it). */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        note.ifPresent(text -> fields.put("note", text));
        return fields;
    }

    /** The payload, or the errors that make it unusable. */
    public sealed interface Parsed {
        record Valid(ScanOverridePayload payload) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
        }
    }

    public static Parsed parse(JsonNode node) {
        // any other field is allowed: requests recorded before this payload had a shape may carry more
        PayloadFields fields = PayloadFields.of(node, Set.of());
        Optional<String> subject = fields.text("subject", 1, MAX_SUBJECT_LENGTH);
        Optional<String> note = Optional.empty();
        if (fields.isObject() && node.hasNonNull("note")) {
            note = fields.text("note", 1, MAX_NOTE_LENGTH);
        }
        if (!fields.errors().isEmpty()) {
            return new Parsed.Invalid(fields.errors());
        }
        return new Parsed.Valid(new ScanOverridePayload(subject.get(), note));
    }
}
