package com.warroom.incidents.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The payment SOP's severities with their target response times, and the launchpad's S1–S3 accepted as aliases. This
 * enum is the one table of severities (the README's table says the same).
 */
public enum Severity {
    P0("funds at risk / wrong payout / exploit", "immediate", "S1"),
    P1("main feature down", "30 min", "S2"),
    P2("feature degraded, a workaround exists", "4 h", null),
    P3("minor issue, no money at stake", "next release", "S3");

    private final String label;
    private final String targetResponse;
    private final String alias;

    Severity(String label, String targetResponse, String alias) {
        this.label = label;
        this.targetResponse = targetResponse;
        this.alias = alias;
    }

    public String label() {
        return label;
    }

    /** The SOP's target time to respond, as the API says it: "immediate", "30 min", "4 h", "next release". */
    public String targetResponse() {
        return targetResponse;
    }

    /** The launchpad's name for it (S1, S2, S3), if it has one. */
    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    /** P0 and P1 need a post-mortem, with an owner before RESOLVED, due 48 hours after it. */
    public boolean needsPostmortem() {
        return this == P0 || this == P1;
    }

    /** P0–P3, or an alias S1–S3 (case-insensitive). */
    public static Optional<Severity> parse(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(upper) || upper.equals(s.alias)).findFirst();
    }

    public static final String RULE = "must be one of P0, P1, P2, P3 (or the aliases S1 = P0, S2 = P1, S3 = P3)";
}
