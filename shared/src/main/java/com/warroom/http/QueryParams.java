package com.warroom.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads query-string parameters and collects every problem, like {@link BodyFields} does for bodies. */
public final class QueryParams {

    private final Map<String, String> query;
    private final List<FieldError> errors = new ArrayList<>();

    public QueryParams(Map<String, String> query, Set<String> allowed) {
        this.query = query;
        query.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "unknown query parameter; allowed are " + allowed.stream().sorted().toList())));
    }

    public Optional<String> required(String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<String> optionalMatching(String name, Pattern pattern, String rule) {
        String value = query.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(name, rule));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<Long> optionalLong(String name, long min, long max) {
        String value = query.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return Optional.empty();
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
