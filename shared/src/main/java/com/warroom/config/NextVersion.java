package com.warroom.config;

import com.warroom.http.FieldError;
import java.util.List;

/** Turns a changed copy of a config into its next version, once it passes every rule again. */
final class NextVersion {

    private NextVersion() {
    }

    /** {@code changed} carries the current version; the result carries the next one. */
    static ConfigOutcome of(SeedConfig current, SeedConfig changed) {
        if (changed.equals(current)) {
            return refused("payload", "changes nothing: the config already says this");
        }
        // the same check as the seed file's, over the same JSON a snapshot stores, so no change can
        // produce a config that the loader would refuse
        return SeedConfigParser.parse(SeedConfigJson.write(changed.withVersion(current.version() + 1)));
    }

    static ConfigOutcome refused(String field, String message) {
        return new ConfigOutcome.Invalid(List.of(new FieldError(field, message)));
    }
}
