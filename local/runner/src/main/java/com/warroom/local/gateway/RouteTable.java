package com.warroom.local.gateway;

import com.warroom.topology.RouteDef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Selects the topology route for a request the way API Gateway does: path templates with {@code {name}}
 * variables, and a literal segment preferred over a variable where both fit.
 */
final class RouteTable {

    private record Entry(RouteDef route, PathTemplate template) {
    }

    private record Candidate(RouteDef route, PathTemplate template, Map<String, String> variables) {
    }

    private final List<Entry> entries;

    RouteTable(List<RouteDef> routes) {
        this.entries = routes.stream().map(r -> new Entry(r, PathTemplate.parse(r.path()))).toList();
    }

    RouteMatch match(String method, String rawPath) {
        List<String> segments = PathTemplate.split(rawPath);
        List<Candidate> fitting = entries.stream()
                .flatMap(e -> e.template().match(segments).map(v -> new Candidate(e.route(), e.template(), v)).stream())
                .toList();
        if (fitting.isEmpty()) {
            return new RouteMatch.NotFound();
        }
        Optional<Candidate> chosen = fitting.stream()
                .filter(c -> c.route().method().equals(method))
                .max(Comparator.comparing(Candidate::template, PathTemplate.SPECIFICITY));
        if (chosen.isEmpty()) {
            return new RouteMatch.MethodNotAllowed(fitting.stream().map(c -> c.route().method()).distinct().sorted().toList());
        }
        return new RouteMatch.Found(chosen.get().route(), chosen.get().variables());
    }
}
