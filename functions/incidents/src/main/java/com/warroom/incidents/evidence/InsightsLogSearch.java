package com.warroom.incidents.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * CloudWatch Logs Insights over Warroom's log groups: one query for the lines that mention any of the ids in the
 * window, polled until it completes or the wait runs out (then stopped, and what it had is kept, marked partial).
 */
final class InsightsLogSearch implements LogSearch {

    /** Waits between polls; a test passes one that does not sleep. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /** The longest wait for a query: well inside the function's timeout, with the bundle still to write. */
    static final int MAX_POLLS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(InsightsLogSearch.class);

    private final CloudWatchLogsClient logs;
    private final List<String> groups;
    private final Pause pause;

    InsightsLogSearch(CloudWatchLogsClient logs, List<String> groups, Pause pause) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Logs Insights needs at least one log group");
        }
        this.logs = logs;
        this.groups = List.copyOf(groups);
        this.pause = pause;
    }

    /** The Logs Insights query for lines mentioning any of the terms (ids: letters, digits and {@code ._~@:-}). */
    static String query(Set<String> terms) {
        String alternatives = terms.stream().sorted().map(InsightsLogSearch::literal).collect(Collectors.joining("|"));
        return "fields @timestamp, @log, @message | filter @message like /" + alternatives + "/ | sort @timestamp asc | limit "
                + MAX_LINES;
    }

    // a regex literal of an id: '.' is the only id character that means something in a pattern; '/' ends it
    private static String literal(String term) {
        return term.replace("\\", "\\\\").replace(".", "\\.").replace("/", "\\/");
    }

    @Override
    public LogResults search(Set<String> terms, Instant from, Instant to) {
        String query = query(terms);
        try {
            String queryId = logs.startQuery(b -> b.logGroupNames(groups).queryString(query)
                    .startTime(from.getEpochSecond()).endTime(to.getEpochSecond() + 1).limit(MAX_LINES)).queryId();
            for (int poll = 0; poll < MAX_POLLS; poll++) {
                GetQueryResultsResponse results = logs.getQueryResults(b -> b.queryId(queryId));
                QueryStatus status = results.status();
                if (status != QueryStatus.SCHEDULED && status != QueryStatus.RUNNING) {
                    return new LogResults("cloudwatch-logs-insights", groups, query, results.statusAsString(), lines(results));
                }
                pause.sleep(POLL_EVERY);
            }
            GetQueryResultsResponse last = logs.getQueryResults(b -> b.queryId(queryId));
            stop(queryId);
            return new LogResults("cloudwatch-logs-insights", groups, query,
                    "Partial: the query had not completed after " + MAX_POLLS + " polls", lines(last));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvidenceUnavailable("interrupted while waiting for Logs Insights", e);
        } catch (SdkException e) {
            throw new EvidenceUnavailable("Logs Insights failed: " + e.getMessage(), e);
        }
    }

    private void stop(String queryId) {
        try {
            logs.stopQuery(b -> b.queryId(queryId));
        } catch (SdkException e) {
            // it completes or times out on its own; the partial results are kept either way
            LOG.warn("could not stop Logs Insights query {}: {}", queryId, e.getMessage());
        }
    }

    private static List<LogLine> lines(GetQueryResultsResponse results) {
        List<LogLine> lines = new ArrayList<>();
        for (List<ResultField> row : results.results()) {
            Map<String, String> fields = row.stream().filter(f -> f.value() != null)
                    .collect(Collectors.toMap(ResultField::field, ResultField::value, (a, b) -> a));
            lines.add(new LogLine(timestamp(fields.getOrDefault("@timestamp", "")), fields.getOrDefault("@log", ""),
                    fields.getOrDefault("@message", "")));
        }
        return lines;
    }

    // Logs Insights prints @timestamp as "2026-12-01 08:00:00.123" in UTC
    static Instant timestamp(String text) {
        try {
            return Instant.parse(text.replace(' ', 'T') + (text.endsWith("Z") ? "" : "Z"));
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
