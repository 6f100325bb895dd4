package com.warroom.config;

import com.warroom.http.FieldError;
import java.util.List;
import java.util.Objects;

/** A requested config change that can apply to the current config, or every reason it cannot. */
public sealed interface ParsedChange {

    record Valid(ConfigChange change) implements ParsedChange {
        public Valid {
            Objects.requireNonNull(change, "change");
        }
    }

    record Invalid(List<FieldError> errors) implements ParsedChange {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid change names at least one bad field");
            }
        }
    }
}
