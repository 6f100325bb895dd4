package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.FieldError;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payload of {@code PAYOUT_OVERRIDE}, as the payout override route records it:
 * {@code {"payoutId","action":"MARK_CONFIRMED","railReference","note","payoutStatusSeen"}} or
 * {@code {"payoutId","action":"CANCEL","note","payoutStatusSeen"}} — which payout, what to do with it, the evidence
 * (the reference of the transfer made outside the rail, and a note), and the status the requester saw: the apply step
 * refuses if the payout has moved on since.
 */
public record PayoutOverridePayload(String payoutId, Kind action, Optional<String> railReference, String note,
                                    PayoutStatus payoutStatusSeen) {

    public static final int MAX_NOTE_LENGTH = 1000;
    public static final int MAX_RAIL_REFERENCE_LENGTH = 200;
    static final Set<String> FIELDS = Set.of("payoutId", "action", "railReference", "note", "payoutStatusSeen");

    /** What the override does to the payout. */
    public enum Kind {
        /** The money went out another way (evidence: its reference): CONFIRMED, the hold becomes money out. */
        MARK_CONFIRMED,
        /** It will not be paid: CANCELLED, the hold goes back to the treasury. */
        CANCEL;

        public static Optional<Kind> parse(String name) {
            return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
        }

        public static String names() {
            return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
        }
    }

    /** Whether a payout in {@code status} can be overridden: any state that is not final. */
    public static boolean overridable(PayoutStatus status) {
        return !status.isFinal();
    }

    /** The audit target of the payout: {@code payout:<id>}. */
    public String target() {
        return target(payoutId);
    }

    public static String target(String payoutId) {
        return "payout:" + payoutId;
    }

    /** The payload as it is recorded (canonical JSON is made of it). */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("payoutId", payoutId);
        fields.put("action", action.name());
        railReference.ifPresent(reference -> fields.put("railReference", reference));
        fields.put("note", note);
        fields.put("payoutStatusSeen", payoutStatusSeen.name());
        return fields;
    }

    /** The payload, or the errors that make it unusable. */
    public sealed interface Parsed {
        record Valid(PayoutOverridePayload payload) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
        }
    }

    public static Parsed parse(JsonNode node) {
        PayloadFields fields = PayloadFields.of(node, FIELDS);
        Optional<String> payoutId = fields.text("payoutId", 1, 100).filter(id -> {
            if (!Payout.isValidId(id)) {
                fields.reject("payoutId", Payout.ID_RULE);
                return false;
            }
            return true;
        });
        Optional<Kind> action = fields.text("action", 1, 64).flatMap(name -> {
            Optional<Kind> known = Kind.parse(name);
            if (known.isEmpty()) {
                fields.reject("action", "must be one of " + Kind.names());
            }
            return known;
        });
        Optional<String> railReference = Optional.empty();
        if (fields.isObject() && action.isPresent()) {
            JsonNode given = node.get("railReference");
            boolean present = given != null && !given.isNull();
            if (action.get() == Kind.MARK_CONFIRMED) {
                railReference = fields.text("railReference", 1, MAX_RAIL_REFERENCE_LENGTH);
            } else if (present) {
                fields.reject("railReference", "is only for MARK_CONFIRMED");
            }
        }
        Optional<String> note = fields.text("note", 1, MAX_NOTE_LENGTH);
        Optional<PayoutStatus> seen = fields.text("payoutStatusSeen", 1, 64).flatMap(name -> {
            Optional<PayoutStatus> known = PayoutStatus.parse(name).filter(PayoutOverridePayload::overridable);
            if (known.isEmpty()) {
                fields.reject("payoutStatusSeen", "must be a status an override applies to (not final)");
            }
            return known;
        });
        if (!fields.errors().isEmpty()) {
            return new Parsed.Invalid(fields.errors());
        }
        return new Parsed.Valid(new PayoutOverridePayload(payoutId.get(), action.get(), railReference, note.get(), seen.get()));
    }
}
