package com.warroom.payouts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.money.DecimalAmount;
import com.warroom.payments.SortableTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** A payout as the API answers it (the same shape for the platform, the ops queue and the console). */
public final class PayoutView {

    private PayoutView() {
    }

    /**
     * @param sealIntact whether its seal held when it was read
     * @param ledgerEntries the ids of its journal entries, when they were read (single payouts, not lists)
     */
    public static ObjectNode of(Payout payout, boolean sealIntact, Instant now, Optional<Collection<String>> ledgerEntries) {
        ObjectNode view = Json.mapper().createObjectNode();
        Payout.Request request = payout.request();
        Payout.Progress progress = payout.progress();
        view.put("payoutId", payout.payoutId());
        view.put("userId", request.userId());
        view.put("kind", request.kind());
        view.put("amount", DecimalAmount.format(request.amount()));
        view.put("asset", request.amount().currency());
        view.put("chain", payout.destination().chain());
        ObjectNode destination = view.putObject("destination");
        destination.put("chain", payout.destination().chain());
        destination.put("address", payout.destination().address());
        view.put("reference", request.reference());
        view.put("roundId", request.roundId().orElse(null));
        view.put("status", progress.status());
        view.put("reason", progress.reason().orElse(null));
        view.put("attempts", progress.attempts());
        view.put("submission", progress.submission());
        view.put("railReference", progress.railReference().orElse(null));
        view.put("railStatus", progress.railStatus().orElse(null));
        view.put("txHash", progress.txHash().orElse(null));
        view.put("nextAttemptAt", progress.nextAttemptAt().map(SortableTime::format).orElse(null));
        view.put("requestedBy", request.requestedBy());
        view.put("createdAt", SortableTime.format(payout.times().createdAt()));
        view.put("updatedAt", SortableTime.format(payout.times().updatedAt()));
        view.put("stuck", stuck(payout, now));
        view.put("sealIntact", sealIntact);
        ledgerEntries.ifPresent(ids -> {
            ArrayNode entries = view.putArray("ledgerEntries");
            ids.forEach(entries::add);
        });
        if (payout.override().isPresent()) {
            view.set("override", Json.mapper().valueToTree(readTree(payout.override().get())));
        } else {
            view.putNull("override");
        }
        return view;
    }

    /**
     * Whether the payout has sat in a non-final state longer than that state allows ({@link PayoutStatus#stuckAfter});
     * a HELD one counts from the end of its cooling-off ({@code nextAttemptAt}), a status that is not one of ours is stuck.
     */
    public static boolean stuck(Payout payout, Instant now) {
        Optional<PayoutStatus> state = payout.state();
        if (state.isEmpty()) {
            return true;
        }
        Optional<java.time.Duration> after = state.get().stuckAfter();
        if (after.isEmpty()) {
            return false;
        }
        Instant since = state.get() == PayoutStatus.HELD
                ? payout.progress().nextAttemptAt().orElse(payout.times().updatedAt())
                : payout.times().updatedAt();
        return !now.isBefore(since.plus(after.get()));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            return Json.mapper().getNodeFactory().textNode(text);
        }
    }
}
