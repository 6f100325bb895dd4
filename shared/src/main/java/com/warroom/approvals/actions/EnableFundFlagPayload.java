package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.flags.Flag;
import com.warroom.flags.FlagScope;
import com.warroom.http.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The payload of {@code ENABLE_FUND_FLAG}, as the kill-switch route records it:
 * {@code {"flag","scope","enabled":true,"reason","expectedVersion"}} — the fund-related flag to re-enable in
 * one scope, why, and the version of the flag state the requester saw (the apply step refuses if it moved).
 */
public record EnableFundFlagPayload(Flag flag, FlagScope scope, String reason, long expectedVersion) {

    public static final int MIN_REASON_LENGTH = 10;
    public static final int MAX_REASON_LENGTH = 500;
    static final Set<String> FIELDS = Set.of("flag", "scope", "enabled", "reason", "expectedVersion");

    /** The audit target of the flag state, the same as the kill-switch route's: {@code flag:<key>@<scope>}. */
    public String target() {
        return "flag:" + flag.key() + "@" + scope.key();
    }

    /** The payload, or the errors that make it unusable. */
    public sealed interface Parsed {
        record Valid(EnableFundFlagPayload payload) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
        }
    }

    public static Parsed parse(JsonNode node) {
        PayloadFields fields = PayloadFields.of(node, FIELDS);
        Optional<Flag> flag = fields.text("flag", 1, 64).flatMap(key -> {
            Optional<Flag> known = Flag.fromKey(key);
            if (known.isEmpty()) {
                fields.reject("flag", "unknown flag '" + key + "'; the catalogue is " + Flag.catalogue());
            } else if (!known.get().fundRelated()) {
                fields.reject("flag", key + " is not fund-related: it is re-enabled without approval");
                return Optional.empty();
            }
            return known;
        });
        Optional<FlagScope> scope = fields.text("scope", 1, 256).flatMap(text -> {
            Optional<FlagScope> parsed = FlagScope.parse(text);
            if (parsed.isEmpty()) {
                fields.reject("scope", "must be " + FlagScope.FORMAT);
            }
            return parsed;
        });
        fields.bool("enabled").filter(enabled -> !enabled).ifPresent(enabled ->
                fields.reject("enabled", "must be true: only re-enabling a fund flag needs approval"));
        Optional<String> reason = fields.text("reason", MIN_REASON_LENGTH, MAX_REASON_LENGTH);
        Optional<Long> expectedVersion = fields.count("expectedVersion");
        if (!fields.errors().isEmpty()) {
            return new Parsed.Invalid(fields.errors());
        }
        return new Parsed.Valid(new EnableFundFlagPayload(flag.get(), scope.get(), reason.get(), expectedVersion.get()));
    }
}
