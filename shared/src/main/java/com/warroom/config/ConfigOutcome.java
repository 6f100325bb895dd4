package com.warroom.config;

import com.warroom.http.FieldError;
import java.util.List;
import java.util.Objects;

/** A config that passed every rule, or every reason it did not. */
public sealed interface ConfigOutcome {

    record Valid(SeedConfig config) implements ConfigOutcome {
        public Valid {
            Objects.requireNonNull(config, "config");
        }
    }

    record Invalid(List<FieldError> errors) implements ConfigOutcome {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid config names at least one bad field");
            }
        }
    }
}
