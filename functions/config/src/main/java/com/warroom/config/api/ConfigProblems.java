package com.warroom.config.api;

import com.warroom.http.FieldError;
import com.warroom.http.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The problems the config routes answer with, beyond the shared ones. */
final class ConfigProblems {

    private ConfigProblems() {
    }

    /** 503: no config has been loaded yet (the seed has not run). */
    static Problem notLoaded() {
        return Problem.of(503, "config-not-loaded", "Config not loaded",
                "no config is loaded yet: run the config seed (see the README) and retry");
    }

    /** 422: a well-formed request for a change that cannot apply to the config in force, each bad field named. */
    static Problem invalidChange(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new Problem(Problem.TYPE_BASE + "validation", "Config change is not valid", 422, detail, errors);
    }
}
