package com.warroom.incidents.evidence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Finds Warroom's own log lines that mention any of some ids in a time window: stored beside an evidence bundle. */
interface LogSearch {

    /** The most lines kept for one bundle (Logs Insights returns at most 10,000 rows per query). */
    int MAX_LINES = 10_000;

    LogResults search(Set<String> terms, Instant from, Instant to);

    /** One log line: when, which log (group or file) and the line as written. */
    record LogLine(Instant timestamp, String log, String message) {
        static final Comparator<LogLine> ORDER = Comparator.comparing(LogLine::timestamp).thenComparing(LogLine::log)
                .thenComparing(LogLine::message);
    }

    /**
     * What a search found: {@code source} says where it looked ({@code cloudwatch-logs-insights}, {@code local-files},
     * {@code none}), {@code logs} the groups or files, {@code query} the query as run, {@code status} how it ended
     * ({@code Complete}, or why it is partial).
     */
    record LogResults(String source, List<String> logs, String query, String status, List<LogLine> lines) {
        public LogResults {
            logs = List.copyOf(logs);
            lines = lines.stream().sorted(LogLine.ORDER).toList();
        }
    }
}
