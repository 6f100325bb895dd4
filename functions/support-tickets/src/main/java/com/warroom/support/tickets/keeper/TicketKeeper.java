package com.warroom.support.tickets.keeper;

import com.warroom.payments.SortableTime;
import com.warroom.support.tickets.HistoryEntry;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.TicketStatus;
import com.warroom.support.tickets.desk.RewardRecorder;
import com.warroom.support.tickets.store.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly round: closes every ticket RESOLVED for {@link #CLOSE_AFTER} that its user did not confirm (no rating),
 * and
 * finishes every EXP grant a crash left between the fixed mark and its record. Each close is conditional on the ticket
 * still being RESOLVED since then; a grant is once per ticket whoever finishes it.
 */
public final class TicketKeeper {

    public static final Duration CLOSE_AFTER = Duration.ofDays(7);
    public static final String ACTOR = "ticket-keeper";
    private static final Logger LOG = LoggerFactory.getLogger(TicketKeeper.class);

    private final TicketStore store;
    private final RewardRecorder rewards;
    private final Clock clock;

    public TicketKeeper(TicketStore store, RewardRecorder rewards, Clock clock) {
        this.store = store;
        this.rewards = rewards;
        this.clock = clock;
    }

    /** What one round did: the tickets closed, the grants finished, the grants that failed again (tried next hour). */
    public record Round(List<String> closed, List<String> rewarded, List<String> failed) {
    }

    public Round run() {
        Instant now = SortableTime.now(clock);
        Instant cutoff = now.minus(CLOSE_AFTER);
        List<String> closed = new ArrayList<>();
        for (Ticket resolved : store.resolved()) {
            if (!due(resolved, cutoff)) {
                continue;
            }
            if (store.change(resolved.ticketId(), current -> due(current, cutoff)
                    ? new TicketStore.Step.Write(current.closed(now, ACTOR, Optional.empty()), List.of(HistoryEntry.event(current.ticketId(),
                    HistoryEntry.Kind.AUTO_CLOSED, ACTOR, now, Map.of("resolvedAt", current.timeline().resolvedAt().orElseThrow().toString()))))
                    : new TicketStore.Step.Stop()) instanceof TicketStore.Changed.Written) {
                closed.add(resolved.ticketId());
            }
        }
        List<String> rewarded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Ticket pending : store.rewardsPending()) {
            try {
                rewards.grant(pending);
                rewarded.add(pending.ticketId());
            } catch (RuntimeException e) {
                LOG.error("ticket {}: the EXP grant failed again; the next round tries again", pending.ticketId(), e);
                failed.add(pending.ticketId());
            }
        }
        return new Round(closed, rewarded, failed);
    }

    /** Reads only (a ticket that never exists): loads the store, the SDK calls and the item mapping for SnapStart. */
    public void prime() {
        store.find("tkt-" + "0".repeat(32));
    }

    private static boolean due(Ticket ticket, Instant cutoff) {
        return ticket.status() == TicketStatus.RESOLVED && ticket.timeline().resolvedAt().map(at -> !at.isAfter(cutoff)).orElse(false);
    }
}
