package com.warroom.incidents.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local runner's log files (its folder in {@code WARROOM_LOCAL_LOG_DIR}): the lines that mention any of the ids and
 * carry a time in the window, the JSON lines of the functions by their {@code timestamp}, the run log's by the instant
 * each line starts with. Lines without a time are left out: they cannot be placed in the window.
 */
final class LocalLogSearch implements LogSearch {

    private final Path dir;

    LocalLogSearch(Path dir) {
        this.dir = dir;
    }

    @Override
    public LogResults search(Set<String> terms, Instant from, Instant to) {
        List<String> files = new ArrayList<>();
        List<LogLine> lines = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new LogResults("local-files", List.of(), describe(terms), "NoLogs: " + dir + " is not a folder", List.of());
        }
        try (Stream<Path> listed = Files.list(dir)) {
            for (Path file : listed.filter(Files::isRegularFile).sorted().toList()) {
                files.add(file.getFileName().toString());
                read(file, terms, from, to, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the local logs in " + dir, e);
        }
        String status = lines.size() >= MAX_LINES ? "Partial: the first " + MAX_LINES + " lines" : "Complete";
        return new LogResults("local-files", files, describe(terms), status, lines);
    }

    private static String describe(Set<String> terms) {
        return "lines mentioning any of " + terms.stream().sorted().toList();
    }

    private static void read(Path file, Set<String> terms, Instant from, Instant to, List<LogLine> into) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && into.size() < MAX_LINES) {
                String text = line;
                if (terms.stream().noneMatch(text::contains)) {
                    continue;
                }
                Optional<Instant> at = timeOf(text);
                if (at.isPresent() && !at.get().isBefore(from) && !at.get().isAfter(to)) {
                    into.add(new LogLine(at.get(), file.getFileName().toString(), text));
                }
            }
        }
    }

    static Optional<Instant> timeOf(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = Json.readTree(trimmed);
                return instant(node.path("timestamp").asText(""));
            } catch (UncheckedIOException e) {
                return Optional.empty();
            }
        }
        int space = trimmed.indexOf(' ');
        return instant(space < 0 ? trimmed : trimmed.substring(0, space));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
