package com.warroom.reconcile.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.reconcile.check.Aggregate;
import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.check.FindingDraft;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.check.RunContext;
import com.warroom.reconcile.findings.Finding;
import com.warroom.reconcile.findings.FindingStatus;
import com.warroom.reconcile.findings.FindingsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Combine step: reads one aggregate per segment (the newest attempt's: each attempt scanned its whole segment),
 * merges them per check, lets each check compare, and records what the checks found: new findings OPEN, findings seen
 * again updated (ACKNOWLEDGED stays so, RESOLVED is OPEN again), findings of these checks not seen this run RESOLVED.
 * The findings this run saw and resolved go to the reports bucket; the run item gets the counts and their key.
 */
public final class Combiner {

    private final List<Check> checks;
    private final ReportsBucket bucket;
    private final RunStore runs;
    private final FindingsStore findings;
    private final Clock clock;

    public Combiner(List<Check> checks, ReportsBucket bucket, RunStore runs, FindingsStore findings, Clock clock) {
        this.checks = List.copyOf(checks);
        this.bucket = bucket;
        this.runs = runs;
        this.findings = findings;
        this.clock = clock;
    }

    /** What the combine step answers: small, since it is the workflow's state. */
    public record Combined(String runId, RunCounts counts) {
    }

    public Combined combine(String runId, List<Segment> segments) {
        ReconcileRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        if (run.status() != RunStatus.RUNNING) {
            throw new IllegalStateException("run " + runId + " is " + run.status() + ", not RUNNING");
        }
        Map<String, Aggregate> merged = new LinkedHashMap<>();
        checks.forEach(check -> merged.put(check.name(), check.newAggregate()));
        Map<String, Long> scannedItems = new LinkedHashMap<>();
        for (Segment segment : segments) {
            String prefix = ReportsBucket.segmentPrefix(runId, segment.table(), segment.segment());
            String key = bucket.newestKey(prefix).orElseThrow(() -> new IllegalStateException(
                    "segment " + segment.segment() + " of " + segment.table() + " has no aggregate under " + prefix));
            JsonNode object = Json.readTree(bucket.read(key).orElseThrow());
            scannedItems.merge(segment.table(), object.path("items").asLong(), Long::sum);
            for (Check check : checks) {
                if (check.scans().stream().anyMatch(t -> t.logicalName().equals(segment.table()))) {
                    JsonNode aggregate = object.path("aggregates").get(check.name());
                    if (aggregate == null) {
                        throw new IllegalStateException("segment " + key + " has no aggregate of " + check.name());
                    }
                    merged.get(check.name()).merge(check.readAggregate(aggregate));
                }
            }
        }
        RunContext context = new RunContext(runId, run.day(), run.startedAt());
        Map<String, FindingDraft> drafts = new LinkedHashMap<>();
        for (Check check : checks) {
            List<FindingDraft> found;
            try {
                found = check.compare(merged.get(check.name()), context);
            } catch (RuntimeException e) {
                throw new IllegalStateException("check " + check.name() + " failed: " + e.getMessage(), e);
            }
            for (FindingDraft draft : found) {
                if (!draft.check().equals(check.name())) {
                    throw new IllegalStateException("check " + check.name() + " reported a finding of " + draft.check());
                }
                // one finding per subject: where a check reports the same subject twice, the riskier one counts
                drafts.merge(Finding.id(draft.check(), draft.subject()), draft,
                        (a, b) -> b.risk().ordinal() < a.risk().ordinal() ? b : a);
            }
        }
        Instant now = clock.instant();
        Map<String, Map<Risk, Integer>> byCheck = new LinkedHashMap<>();
        checks.forEach(check -> byCheck.put(check.name(), new EnumMap<>(Risk.class)));
        Map<Risk, Integer> byRisk = new EnumMap<>(Risk.class);
        Map<Risk, Integer> openByRisk = new EnumMap<>(Risk.class);
        Map<FindingsStore.Sighting, Integer> sightings = new HashMap<>();
        ObjectNode object = Json.mapper().createObjectNode();
        object.put("runId", runId);
        ArrayNode seen = object.putArray("seen");
        for (FindingDraft draft : drafts.values()) {
            FindingsStore.Observed observed = findings.observe(draft, runId, now);
            Finding finding = observed.finding();
            byCheck.get(finding.check()).merge(finding.risk(), 1, Integer::sum);
            byRisk.merge(finding.risk(), 1, Integer::sum);
            if (finding.status() == FindingStatus.OPEN) {
                openByRisk.merge(finding.risk(), 1, Integer::sum);
            }
            sightings.merge(observed.sighting(), 1, Integer::sum);
            ObjectNode view = Json.mapper().valueToTree(finding.view());
            view.put("sighting", observed.sighting().name());
            seen.add(view);
        }
        Set<String> names = checks.stream().map(Check::name).collect(Collectors.toSet());
        List<Finding> resolved = findings.resolveUnseen(names, runId, now);
        ArrayNode resolvedViews = object.putArray("resolved");
        resolved.forEach(finding -> resolvedViews.add(Json.mapper().<JsonNode>valueToTree(finding.view())));
        RunCounts counts = new RunCounts(byCheck, byRisk, openByRisk, drafts.size(),
                sightings.getOrDefault(FindingsStore.Sighting.NEW, 0), sightings.getOrDefault(FindingsStore.Sighting.REOPENED, 0),
                resolved.size(), drafts.size() - openByRisk.values().stream().mapToInt(Integer::intValue).sum(),
                scannedItems, segments.size());
        String findingsKey = ReportsBucket.findingsKey(runId);
        bucket.put(findingsKey, "application/json", Json.write(object));
        if (!runs.recordCombined(runId, counts, findingsKey)) {
            throw new IllegalStateException("run " + runId + " ended while it was being combined");
        }
        return new Combined(runId, counts);
    }
}
