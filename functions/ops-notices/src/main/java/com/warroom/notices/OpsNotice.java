package com.warroom.notices;

import com.warroom.flags.FlagScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the war-room channel gets for one flag change: a subject, one line a person reads, e.g.
 * {@code contribute disabled for round:R1 by alice@ops.example: Suspicious contributions on round R1}, and attributes
 * that subscribers can filter on ({@code flag}, {@code scope}, {@code enabled}, {@code version}).
 */
public record OpsNotice(String changeId, String subject, String text, Map<String, Attribute> attributes) {

    /** SNS refuses longer subjects. */
    static final int MAX_SUBJECT_LENGTH = 100;

    public OpsNotice {
        attributes = Map.copyOf(attributes);
    }

    /** An SNS message attribute: {@code String} or {@code Number}. */
    public record Attribute(String dataType, String value) {
        static Attribute string(String value) {
            return new Attribute("String", value);
        }

        static Attribute number(long value) {
            return new Attribute("Number", Long.toString(value));
        }
    }

    public static OpsNotice of(FlagChange change) {
        String what = change.flag().key() + " " + (change.enabled() ? "enabled" : "disabled") + " " + where(change.scope());
        String text = what + " by " + oneLine(change.actor()) + ": " + oneLine(change.reason());
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("flag", Attribute.string(change.flag().key()));
        attributes.put("scope", Attribute.string(change.scope().key()));
        attributes.put("enabled", Attribute.string(Boolean.toString(change.enabled())));
        attributes.put("version", Attribute.number(change.version()));
        return new OpsNotice(change.changeId(), subject("Warroom: " + what), text, attributes);
    }

    private static String where(FlagScope scope) {
        return scope instanceof FlagScope.Global ? "everywhere (global)" : "for " + scope.key();
    }

    // a reason may hold line breaks: the channel gets one line
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}]*\\p{Cntrl}[\\s\\p{Cntrl}]*", " ").strip();
    }

    private static String subject(String text) {
        return text.length() <= MAX_SUBJECT_LENGTH ? text : text.substring(0, MAX_SUBJECT_LENGTH - 1) + "…";
    }
}
