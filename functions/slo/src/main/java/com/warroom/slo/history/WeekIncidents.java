package com.warroom.slo.history;

import com.warroom.payments.SortableTime;
import com.warroom.slo.measure.IndexRange;
import com.warroom.slo.report.ReportWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The incidents detected in a window, from the incidents table's {@code byDetected} index (partition
 * {@code listKey = "incident"}, sorted by {@code detectedAt}), oldest first.
 */
public final class WeekIncidents {

    static final String LIST_KEY = "incident";

    private final IndexRange index;
    private final String table;

    public WeekIncidents(IndexRange index, String table) {
        this.index = index;
        this.table = table;
    }

    public List<IncidentSummary> detectedIn(ReportWindow window) {
        List<IncidentSummary> incidents = new ArrayList<>();
        index.forEach(new IndexRange.Query(table, "byDetected", "listKey", LIST_KEY, "detectedAt", SortableTime.format(window.from()),
                SortableTime.format(window.to()), List.of("incidentId", "title", "severity", "status", "resolvedAt")),
                item -> incidents.add(summary(item)));
        return incidents;
    }

    static IncidentSummary summary(Map<String, AttributeValue> item) {
        String detectedAt = text(item, "detectedAt").orElseThrow();
        Optional<Long> mttr = text(item, "resolvedAt")
                .map(resolved -> Duration.between(Instant.parse(detectedAt), Instant.parse(resolved)).toMinutes());
        return new IncidentSummary(text(item, "incidentId").orElse("?"), text(item, "title").orElse(""), text(item, "severity"),
                text(item, "status").orElse("?"), detectedAt, mttr);
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null || value.s().isEmpty() ? Optional.empty() : Optional.of(value.s());
    }
}
