package com.warroom.local.smoke;

import com.warroom.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The smoke run written down: {@code smoke-report.json} and {@code smoke-report.md} in the report folder. */
public record SmokeReport(String runId, String target, Instant startedAt, Instant finishedAt, List<SmokeCheck> checks,
                          List<String> leftBehind) {

    public static final String JSON_FILE = "smoke-report.json";
    public static final String MARKDOWN_FILE = "smoke-report.md";

    public SmokeReport {
        checks = List.copyOf(checks);
        leftBehind = List.copyOf(leftBehind);
    }

    public long count(SmokeCheck.Outcome outcome) {
        return checks.stream().filter(check -> check.outcome() == outcome).count();
    }

    public boolean failed() {
        return count(SmokeCheck.Outcome.FAIL) > 0;
    }

    /** {@code 17 passed, 0 failed, 2 skipped}. */
    public String summary() {
        return count(SmokeCheck.Outcome.PASS) + " passed, " + count(SmokeCheck.Outcome.FAIL) + " failed, "
                + count(SmokeCheck.Outcome.SKIP) + " skipped";
    }

    /** Writes both files into {@code dir} (created when missing); the two paths. */
    public List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        Path markdown = dir.resolve(MARKDOWN_FILE);
        Files.writeString(json, Json.write(asJson()) + "\n");
        Files.writeString(markdown, markdown());
        return List.of(json, markdown);
    }

    Map<String, Object> asJson() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", runId);
        report.put("target", target);
        report.put("startedAt", startedAt.toString());
        report.put("finishedAt", finishedAt.toString());
        report.put("result", failed() ? "FAIL" : "PASS");
        report.put("passed", count(SmokeCheck.Outcome.PASS));
        report.put("failed", count(SmokeCheck.Outcome.FAIL));
        report.put("skipped", count(SmokeCheck.Outcome.SKIP));
        report.put("checks", checks.stream().map(check -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", check.name());
            item.put("outcome", check.outcome().name());
            item.put("at", check.at().toString());
            item.put("expected", check.expected());
            item.put("seen", check.seen());
            return item;
        }).toList());
        report.put("leftBehind", leftBehind);
        return report;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Smoke test ").append(runId).append(": ").append(failed() ? "FAIL" : "PASS").append("\n\n");
        md.append("Target: `").append(target).append("`, from ").append(startedAt).append(" to ").append(finishedAt)
                .append(". ").append(summary()).append(".\n\n");
        md.append("| check | result | at | expected | seen |\n|---|---|---|---|---|\n");
        for (SmokeCheck check : checks) {
            md.append("| ").append(cell(check.name())).append(" | ").append(check.outcome()).append(" | ").append(check.at())
                    .append(" | ").append(cell(check.expected())).append(" | ").append(cell(check.seen())).append(" |\n");
        }
        md.append("\n## Left behind\n\n");
        if (leftBehind.isEmpty()) {
            md.append("Nothing.\n");
        }
        for (String item : leftBehind) {
            md.append("- ").append(item).append("\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return "`" + text.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`";
    }
}
