package com.warroom.reconcile.findings;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Acknowledges an OPEN finding with the ticket or incident that tracks it: ACKNOWLEDGED, with who and when, written in
 * one transaction with its audit entry. Only an OPEN finding can be acknowledged: a RESOLVED one needs nothing, an
 * ACKNOWLEDGED one has its ticket already.
 */
public final class FindingAcknowledger {

    public static final String AUDIT_ACTION = "reconcile.finding.acknowledge";
    public static final int MAX_TICKET_LENGTH = 64;
    public static final Pattern TICKET = Pattern.compile("[A-Za-z0-9._#:/-]{1," + MAX_TICKET_LENGTH + "}");

    private final FindingsStore findings;
    private final AuditLog audit;
    private final Clock clock;

    public FindingAcknowledger(FindingsStore findings, AuditLog audit, Clock clock) {
        this.findings = findings;
        this.audit = audit;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Acknowledged(Finding finding) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NotOpen(Finding finding) implements Outcome {
        }
    }

    public Outcome acknowledge(String findingId, String ticket, Caller caller, RequestOrigin origin) {
        if (!TICKET.matcher(ticket).matches()) {
            throw new IllegalArgumentException("not a ticket: " + ticket);
        }
        return audit.commit(seq -> {
            Optional<Finding> current = findings.find(findingId);
            if (current.isEmpty()) {
                return new AuditedChange.Refuse<Outcome>(new Outcome.NotFound());
            }
            if (current.get().status() != FindingStatus.OPEN) {
                return new AuditedChange.Refuse<Outcome>(new Outcome.NotOpen(current.get()));
            }
            Finding next = current.get().acknowledged(new Finding.Acknowledgement(ticket, caller.sub(), clock.instant()));
            AuditDraft draft = new AuditDraft(caller, AUDIT_ACTION, "reconcile-finding:" + findingId,
                    Json.write(current.get().view()), Json.write(next.view()), "ticket " + ticket, origin);
            return new AuditedChange.Write<Outcome>(List.of(findings.replace(current.get(), next)), draft,
                    entry -> new Outcome.Acknowledged(next));
        });
    }
}
