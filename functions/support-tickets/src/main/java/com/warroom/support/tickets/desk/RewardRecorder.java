package com.warroom.support.tickets.desk;

import com.warroom.support.ExpAward;
import com.warroom.support.ExpGrant;
import com.warroom.support.ExpRewards;
import com.warroom.support.tickets.HistoryEntry;
import com.warroom.support.tickets.Ticket;
import com.warroom.support.tickets.store.TicketStore;
import com.warroom.payments.SortableTime;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Grants a fixed bug's EXP and records it on the ticket. The grant is once per ticket whoever calls (the ledger entry
 * id
 * is the ticket's), so the fixed mark's winner and the keeper finishing a grant a crash left half-done may both call
 * it;
 * the record on the ticket and its EXP_GRANTED history item are written once.
 */
public final class RewardRecorder {

    private final ExpRewards rewards;
    private final TicketStore store;
    private final Clock clock;

    public RewardRecorder(ExpRewards rewards, TicketStore store, Clock clock) {
        this.rewards = rewards;
        this.store = store;
        this.clock = clock;
    }

    /** The ticket with its reward recorded; {@code fixed} must be marked fixed. */
    public Ticket grant(Ticket fixed) {
        if (fixed.bug().fixed().isEmpty()) {
            throw new IllegalArgumentException("ticket " + fixed.ticketId() + " is not marked fixed");
        }
        Ticket.Report report = fixed.report();
        ExpGrant grant = rewards.grant(new ExpAward(fixed.ticketId(), report.userId(), fixed.handling().priority(), report.email(),
                report.phone()));
        // the ticket keeps times at the millisecond, as SortableTime writes them
        Ticket.Reward reward = new Ticket.Reward(grant.exp(), grant.entryId(), grant.grantedAt().truncatedTo(ChronoUnit.MILLIS));
        return switch (store.change(fixed.ticketId(), current -> current.bug().reward().isPresent()
                ? new TicketStore.Step.Stop()
                : new TicketStore.Step.Write(current.rewarded(reward, SortableTime.now(clock)), List.of(HistoryEntry.expGranted(current.ticketId(), reward))))) {
            case TicketStore.Changed.Written written -> written.ticket();
            case TicketStore.Changed.Stopped stopped -> stopped.ticket();
            case TicketStore.Changed.Missing missing -> throw new IllegalStateException("ticket " + fixed.ticketId() + " vanished");
        };
    }
}
