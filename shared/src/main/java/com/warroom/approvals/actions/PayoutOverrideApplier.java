package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.json.Json;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.observability.OpsMetrics;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.PayoutView;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Applies an approved {@code PAYOUT_OVERRIDE}. It reads the payout again and refuses when it is final now, has moved
 * to another status than the one the requester saw (a cancel approved for a held payout must not release the hold of
 * one the worker has since submitted), fails its seal, or when the ledger does not hold its amount. Otherwise it writes
 * the payout's final state with the evidence (who asked, who approved, the reference and the note), conditional on the
 * version it read, together with its ledger entry: MARK_CONFIRMED turns the hold into money out
 * ({@link PayoutJournal#paid}), CANCEL gives it back to the treasury ({@link PayoutJournal#release}).
 */
final class PayoutOverrideApplier implements ActionApplier {

    private final PayoutStore payouts;
    private final PayoutSeal seal;
    private final Ledger ledger;
    private final Clock clock;

    PayoutOverrideApplier(PayoutStore payouts, PayoutSeal seal, Ledger ledger, Clock clock) {
        this.payouts = payouts;
        this.seal = seal;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Plan plan(ApprovalRequest request, JsonNode payloadNode, long auditSeq) {
        if (!(PayoutOverridePayload.parse(payloadNode) instanceof PayoutOverridePayload.Parsed.Valid valid)) {
            return new Refuse("the payload is not a valid PAYOUT_OVERRIDE payload");
        }
        PayoutOverridePayload payload = valid.payload();
        Optional<Payout> found = payouts.find(payload.payoutId());
        if (found.isEmpty()) {
            return new Refuse("payout " + payload.payoutId() + " does not exist; nothing was changed");
        }
        Payout payout = found.get();
        Optional<String> refused = whyNot(payout, payload);
        if (refused.isPresent()) {
            return new Refuse(refused.get() + "; nothing was changed");
        }
        Instant now = SortableTime.now(clock);
        PayoutStatus next = payload.action() == PayoutOverridePayload.Kind.MARK_CONFIRMED ? PayoutStatus.CONFIRMED : PayoutStatus.CANCELLED;
        JournalEntry entry = payload.action() == PayoutOverridePayload.Kind.MARK_CONFIRMED
                ? PayoutJournal.paid(payout, now) : PayoutJournal.release(payout, now);
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        switch (ledger.prepare(entry)) {
            case LedgerWrite.Writes ledgerWrites -> writes.addAll(ledgerWrites.writes());
            case LedgerWrite.AlreadyPosted posted -> {
                return new Refuse("the ledger already holds " + posted.entryId() + " while the payout is " + payout.progress().status()
                        + ": the payout and the ledger disagree (reconcile them first); nothing was changed");
            }
            case LedgerWrite.Overdrawn overdrawn -> {
                return new Refuse(entry.id() + " would take " + overdrawn.account() + " below zero: the ledger does not hold "
                        + "this payout's amount; nothing was changed");
            }
        }
        Map<String, Object> evidence = evidence(request, payload, now);
        Payout.Progress progress = payout.progress();
        Payout settled = payout.moved(new Payout.Progress(next.name(), progress.submission(), progress.attempts(),
                        progress.railReference(), progress.railStatus(), progress.txHash(),
                        Optional.of("override " + request.id() + ": " + payload.action().name() + " approved by " + request.decidedBy()),
                        Optional.empty(), Optional.empty()), now)
                .withOverride(Json.write(evidence));
        writes.add(payouts.replace(payout, settled));
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("payoutId", payout.payoutId());
        effect.put("statusBefore", progress.status());
        effect.put("status", next.name());
        effect.put("ledgerEntry", entry.id());
        effect.put("evidence", evidence);
        String before = Json.write(PayoutView.of(payout, true, now, Optional.empty()));
        return new Apply(writes, before, effect, "payout " + payout.payoutId() + " " + next.name() + " (" + entry.id() + ")");
    }

    private Optional<String> whyNot(Payout payout, PayoutOverridePayload payload) {
        String status = payout.progress().status();
        Optional<PayoutStatus> state = payout.state();
        if (state.isEmpty()) {
            return Optional.of("payout " + payout.payoutId() + " has a status Warroom does not know (" + status + ")");
        }
        if (state.get().isFinal()) {
            return Optional.of("payout " + payout.payoutId() + " is " + status + " now, which is final");
        }
        if (state.get() != payload.payoutStatusSeen()) {
            return Optional.of("payout " + payout.payoutId() + " is " + status + " now, not " + payload.payoutStatusSeen()
                    + " as when the override was requested: request it again for the payout as it is");
        }
        switch (seal.verify(payout)) {
            case Verification.Valid valid -> {
                // as accepted
            }
            case Verification.Invalid invalid -> {
                OpsMetrics.count(PayoutSeal.TAMPERED_METRIC);
                return Optional.of("payout " + payout.payoutId() + " does not match its seal (changed outside Warroom)");
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        }
        int submission = payout.progress().submission();
        String hold = PayoutJournal.holdId(payout.payoutId(), submission);
        String release = PayoutJournal.releaseId(payout.payoutId(), submission);
        Set<String> posted = ledger.posted(List.of(hold, release));
        if (!posted.contains(hold) || posted.contains(release)) {
            return Optional.of("the ledger does not hold payout " + payout.payoutId() + "'s amount for submission " + submission
                    + " (" + hold + (posted.contains(hold) ? " was released" : " is missing") + ")");
        }
        return Optional.empty();
    }

    private static Map<String, Object> evidence(ApprovalRequest request, PayoutOverridePayload payload, Instant now) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("approvalId", request.id());
        evidence.put("action", payload.action().name());
        payload.railReference().ifPresent(reference -> evidence.put("railReference", reference));
        evidence.put("note", payload.note());
        evidence.put("requestedBy", request.requestedBy());
        evidence.put("approvedBy", request.decidedBy());
        evidence.put("appliedAt", SortableTime.format(now));
        return evidence;
    }
}
