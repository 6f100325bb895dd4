package com.warroom.local.gateway;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A route path such as {@code /v1/payouts/{id}}: literal segments and {@code {name}} variables. */
record PathTemplate(List<String> segments) {

    PathTemplate {
        segments = List.copyOf(segments);
    }

    static PathTemplate parse(String path) {
        return new PathTemplate(split(path));
    }

    static List<String> split(String path) {
        return Arrays.asList(path.substring(path.startsWith("/") ? 1 : 0).split("/", -1));
    }

    /** The raw (still percent-encoded) value of each variable, when the path fits the template. */
    Optional<Map<String, String>> match(List<String> rawSegments) {
        if (rawSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String raw = rawSegments.get(i);
            if (isVariable(segment)) {
                if (raw.isEmpty()) {
                    return Optional.empty();
                }
                variables.put(segment.substring(1, segment.length() - 1), raw);
            } else if (!segment.equals(raw)) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    /**
     * Orders templates that fit the same path: at the first segment where they differ in kind, the one with
     * a literal there is the more specific.
     */
    static final Comparator<PathTemplate> SPECIFICITY = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            int byKind = Boolean.compare(isVariable(b.segments.get(i)), isVariable(a.segments.get(i)));
            if (byKind != 0) {
                return byKind;
            }
        }
        return 0;
    };

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
