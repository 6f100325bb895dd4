package com.warroom.local.smoke;

import java.time.Instant;

/** One check's result: its name, PASS/FAIL/SKIP, when, what it expected and what it saw. */
public record SmokeCheck(String name, Outcome outcome, Instant at, String expected, String seen) {

    /** How a check ended. */
    public enum Outcome { PASS, FAIL, SKIP }

    /** The line printed for it: {@code 2026-12-01T18:40:00Z PASS health — expected ... — saw ...}. */
    public String line() {
        return at + " " + outcome + " " + name + " — expected " + expected + " — saw " + seen;
    }
}
