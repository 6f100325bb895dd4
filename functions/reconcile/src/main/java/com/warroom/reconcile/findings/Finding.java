package com.warroom.reconcile.findings;

import com.warroom.audit.AuditHasher;
import com.warroom.reconcile.check.Action;
import com.warroom.reconcile.check.FindingDraft;
import com.warroom.reconcile.check.Risk;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A finding under its stable id (a hash of its check and subject, so a later run that sees the same thing wrong finds
 * the same finding): what was expected and found, its risk and action, its status, when it was first seen (in its
 * current occurrence: a reopened finding starts again), last seen, resolved, and acknowledged with which ticket.
 * {@code version} grows by one with every write, so that each write is conditional on what it was decided from.
 */
public record Finding(String findingId, String check, String subject, String expected, String actual, String difference,
                      Risk risk, Action action, String runbook, FindingStatus status, Instant firstSeenAt, String firstSeenRun,
                      Instant lastSeenAt, String lastSeenRun, Optional<Instant> resolvedAt, Optional<String> resolvedByRun,
                      Optional<Acknowledgement> acknowledgement, long version) {

    private static final Pattern ID = Pattern.compile("f-[0-9a-f]{32}");

    /** Who took the finding on, when, and the ticket or incident that tracks it. */
    public record Acknowledgement(String ticket, String by, Instant at) {
    }

    public Finding {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(resolvedByRun, "resolvedByRun");
        Objects.requireNonNull(acknowledgement, "acknowledgement");
    }

    public static String id(String check, String subject) {
        return "f-" + AuditHasher.sha256Hex(check + "\n" + subject).substring(0, 32);
    }

    public static boolean validId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** First seen now by {@code runId}: OPEN. */
    static Finding first(FindingDraft draft, String runId, Instant now) {
        return new Finding(id(draft.check(), draft.subject()), draft.check(), draft.subject(), draft.expected(), draft.actual(),
                draft.difference(), draft.risk(), draft.action(), draft.runbook(), FindingStatus.OPEN, now, runId, now, runId,
                Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    /**
     * Seen again by {@code runId}: its values as this run found them; OPEN and ACKNOWLEDGED stay as they are, RESOLVED is
     * OPEN again (a new occurrence: first seen now, without the old acknowledgement and resolution).
     */
    Finding seenAgain(FindingDraft draft, String runId, Instant now) {
        boolean reopened = status == FindingStatus.RESOLVED;
        return new Finding(findingId, check, subject, draft.expected(), draft.actual(), draft.difference(), draft.risk(),
                draft.action(), draft.runbook(), reopened ? FindingStatus.OPEN : status, reopened ? now : firstSeenAt,
                reopened ? runId : firstSeenRun, now, runId, reopened ? Optional.empty() : resolvedAt,
                reopened ? Optional.empty() : resolvedByRun, reopened ? Optional.empty() : acknowledgement, version + 1);
    }

    /** No longer seen by {@code runId}. */
    Finding resolved(String runId, Instant now) {
        return new Finding(findingId, check, subject, expected, actual, difference, risk, action, runbook, FindingStatus.RESOLVED,
                firstSeenAt, firstSeenRun, lastSeenAt, lastSeenRun, Optional.of(now), Optional.of(runId), acknowledgement, version + 1);
    }

    Finding acknowledged(Acknowledgement ack) {
        return new Finding(findingId, check, subject, expected, actual, difference, risk, action, runbook, FindingStatus.ACKNOWLEDGED,
                firstSeenAt, firstSeenRun, lastSeenAt, lastSeenRun, resolvedAt, resolvedByRun, Optional.of(ack), version + 1);
    }

    /** The finding as the API, the report and the audit log show it. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("findingId", findingId);
        view.put("check", check);
        view.put("subject", subject);
        view.put("expected", expected);
        view.put("actual", actual);
        view.put("difference", difference);
        view.put("risk", risk.name());
        view.put("action", action.name());
        view.put("runbook", runbook);
        view.put("status", status.name());
        view.put("firstSeenAt", firstSeenAt.toString());
        view.put("firstSeenRun", firstSeenRun);
        view.put("lastSeenAt", lastSeenAt.toString());
        view.put("lastSeenRun", lastSeenRun);
        view.put("resolvedAt", resolvedAt.map(Instant::toString).orElse(null));
        view.put("resolvedByRun", resolvedByRun.orElse(null));
        view.put("ticket", acknowledgement.map(Acknowledgement::ticket).orElse(null));
        view.put("acknowledgedBy", acknowledgement.map(Acknowledgement::by).orElse(null));
        view.put("acknowledgedAt", acknowledgement.map(a -> a.at().toString()).orElse(null));
        return view;
    }
}
