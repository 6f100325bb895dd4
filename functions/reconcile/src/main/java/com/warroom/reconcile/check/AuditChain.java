package com.warroom.reconcile.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.ChainVerification;
import com.warroom.topology.TableDef;
import java.util.List;

/**
 * The audit chain intact against its anchors: {@link AuditTrail#verify()} walks every entry to the sealed head and
 * checks the newest anchor outside the table, as {@code GET /v1/admin/audit/verify} does. Broken is HIGH, escalate;
 * anchors that could not be read (the chain itself was sound) are LOW, retry. Reads on its own: it scans nothing.
 */
final class AuditChain implements Check {

    static final String NAME = "audit-chain";
    private static final String RUNBOOK = "#reconcile-" + NAME;

    private final AuditTrail trail;

    AuditChain(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TableDef> scans() {
        return List.of();
    }

    @Override
    public Aggregate newAggregate() {
        return new NothingScanned();
    }

    @Override
    public Aggregate readAggregate(JsonNode json) {
        return new NothingScanned();
    }

    @Override
    public List<FindingDraft> compare(Aggregate merged, RunContext run) {
        ChainVerification verified = trail.verify();
        if (!verified.ok()) {
            return List.of(new FindingDraft(NAME, "audit chain", "every entry linked and hashed up to the sealed head, which "
                    + "continues from the newest anchor" + (verified.anchoredSeq() == null ? "" : " (seq " + verified.anchoredSeq() + ")"),
                    "broken at seq " + verified.brokenAt() + ": " + verified.problem(),
                    verified.entries() + " entries sound before the break", Risk.HIGH, Action.ESCALATE, RUNBOOK));
        }
        if (verified.anchorsUnreadable() != null) {
            return List.of(new FindingDraft(NAME, "audit anchors", "the newest anchor read from the anchors bucket",
                    "unreadable: " + verified.anchorsUnreadable(), "chain checked without its anchor", Risk.LOW, Action.RETRY, RUNBOOK));
        }
        return List.of();
    }
}
