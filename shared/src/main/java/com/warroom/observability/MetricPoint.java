package com.warroom.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric value as a function emitted it: what the local runner appends, one JSON line each, to its metric file
 * ({@link #FILE_SETTING}), and what the local alarm evaluation reads back in place of CloudWatch.
 */
public record MetricPoint(String namespace, String name, Map<String, String> dimensions, double value, Instant timestamp) {

    /** The setting naming the local metric file; only the local runner sets it. */
    public static final String FILE_SETTING = "WARROOM_LOCAL_METRICS_FILE";

    public MetricPoint {
        dimensions = new TreeMap<>(dimensions);
    }

    public String toJsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("namespace", namespace);
        line.put("name", name);
        line.put("dimensions", dimensions);
        line.put("value", value);
        line.put("timestamp", timestamp.toString());
        return Json.write(line);
    }

    /** A line of the metric file; a torn or foreign line is not a point. */
    public static java.util.Optional<MetricPoint> parse(String line) {
        try {
            JsonNode node = Json.readTree(line);
            Map<String, String> dimensions = new TreeMap<>();
            node.path("dimensions").properties().forEach(e -> dimensions.put(e.getKey(), e.getValue().asText()));
            if (!node.path("name").isTextual() || !node.path("value").isNumber() || !node.path("timestamp").isTextual()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new MetricPoint(node.path("namespace").asText(OpsMetrics.NAMESPACE), node.path("name").asText(),
                    dimensions, node.path("value").asDouble(), Instant.parse(node.path("timestamp").asText())));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
