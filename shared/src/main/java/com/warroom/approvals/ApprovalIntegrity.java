package com.warroom.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHasher;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a stored approval request is still the one its requester made: it carries its seal and the seal verifies
 * (one {@code VerifyMac}), its payload still hashes to its {@code payloadHash}, and it agrees with its intact
 * {@code approval.requested} audit entry (one read by seq). The decision route and the apply step act on no request
 * that fails this; each tampering found is logged and counted in {@value #METRIC}. A request without a seal (written
 * by hand, or recorded before requests were sealed) counts as tampered.
 */
public final class ApprovalIntegrity {

    public static final String METRIC = "ApprovalTampered";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalIntegrity.class);

    private final Sealer sealer;
    private final LongFunction<Optional<AuditEntry>> entryAt;

    /** @param entryAt the audit entry of a seq, read strongly consistent */
    public ApprovalIntegrity(Sealer sealer, LongFunction<Optional<AuditEntry>> entryAt) {
        this.sealer = sealer;
        this.entryAt = entryAt;
    }

    /** What checking a request found. */
    public sealed interface Check {

        record Intact() implements Check {
        }

        /** {@code why} is one sentence naming what does not match, fit for an answer and an audit entry. */
        record Tampered(String why) implements Check {
        }

        /** The seal could not be checked (the key service did not answer) and nothing else showed tampering: callers fail closed. */
        record Unavailable(String reason) implements Check {
        }
    }

    public Check check(ApprovalRequest request) {
        Check check = verify(request);
        if (check instanceof Check.Tampered tampered) {
            LOG.error("approval request {} was changed outside the functions: {}", request.id(), tampered.why());
            OpsMetrics.count(METRIC);
        }
        return check;
    }

    private Check verify(ApprovalRequest r) {
        RequestSeal seal = r.requestSeal();
        if (seal == null || !seal.complete()) {
            return new Check.Tampered("the request carries no seal (requestMac, requestKeyId and requestAuditSeq): it was not "
                    + "recorded by a requesting route, or its seal was removed");
        }
        if (!r.payloadIntact()) {
            return new Check.Tampered("the request's payload does not match its payloadHash");
        }
        long seq = seal.auditSeq();
        EntryFindings entry = compare(r, entryAt.apply(seq), seq);
        return switch (sealer.verify(RequestSeal.canonical(r, seq), seal.seal())) {
            case Verification.Invalid invalid -> new Check.Tampered(entry.againstInvalidSeal(seq));
            case Verification.Valid valid -> entry.problem(seq).<Check>map(Check.Tampered::new).orElseGet(Check.Intact::new);
            case Verification.Unavailable unavailable ->
                    entry.problem(seq).<Check>map(Check.Tampered::new).orElseGet(() -> new Check.Unavailable(unavailable.reason()));
        };
    }

    /** How the request compares with its audit entry: the entry itself is unusable ({@code entryProblem}), or these fields differ. */
    private record EntryFindings(Optional<String> entryProblem, List<String> fields) {

        Optional<String> problem(long seq) {
            if (entryProblem.isPresent()) {
                return entryProblem;
            }
            return fields.isEmpty() ? Optional.empty()
                    : Optional.of(fieldsPhrase() + " not match its " + ApprovalAudit.REQUESTED + " audit entry " + seq);
        }

        String againstInvalidSeal(long seq) {
            if (!fields.isEmpty()) {
                return fieldsPhrase() + " not match its seal or its " + ApprovalAudit.REQUESTED + " audit entry " + seq;
            }
            return entryProblem.map(p -> "the request does not match its seal, and " + p)
                    .orElse("the request does not match its seal: a sealed field (id, action, payload hash, requester, times, "
                            + "audit seq) was changed together with its audit entry, or the seal was taken from another request");
        }

        private String fieldsPhrase() {
            boolean plural = fields.size() > 1 || fields.getFirst().endsWith("roles");
            return "the request's " + String.join(", ", fields) + (plural ? " do" : " does");
        }
    }

    private static EntryFindings compare(ApprovalRequest r, Optional<AuditEntry> found, long seq) {
        String name = "its " + ApprovalAudit.REQUESTED + " audit entry " + seq;
        if (found.isEmpty()) {
            return unusable(name + " does not exist");
        }
        AuditEntry entry = found.get();
        if (!Objects.equals(AuditHasher.hash(entry), entry.hash())) {
            return unusable(name + " was altered (its hash does not match)");
        }
        if (!ApprovalAudit.REQUESTED.equals(entry.action())) {
            return unusable("audit entry " + seq + ", which the request names as its " + ApprovalAudit.REQUESTED + ", is "
                    + entry.action());
        }
        JsonNode after;
        try {
            after = Json.readTree(entry.after() == null ? "null" : entry.after());
        } catch (UncheckedIOException e) {
            return unusable(name + " cannot be read");
        }
        List<String> fields = new ArrayList<>();
        differs(fields, "approval id", r.id(), after.path("approvalId").asText(null));
        differs(fields, "action", r.action(), after.path("action").asText(null));
        differs(fields, "payload hash", r.payloadHash(), after.path("payloadHash").asText(null));
        differs(fields, "expiry", r.expiresAt(), after.path("expiresAt").asText(null));
        differs(fields, "requester", r.requestedBy(), entry.actorSub());
        differs(fields, "requester's email", r.requestedByEmail(), entry.actorEmail());
        if (!sorted(r.requestedByRoles()).equals(sorted(entry.actorRoles()))) {
            fields.add("requester roles");
        }
        return new EntryFindings(Optional.empty(), fields);
    }

    private static EntryFindings unusable(String problem) {
        return new EntryFindings(Optional.of(problem), List.of());
    }

    private static void differs(List<String> fields, String name, String stored, String recorded) {
        if (!Objects.equals(stored, recorded)) {
            fields.add(name);
        }
    }

    private static List<String> sorted(List<String> roles) {
        return roles.stream().sorted().toList();
    }
}
