package com.warroom.approvals.workflow;

import com.warroom.approvals.ApprovalFixtures;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.AccountStatement;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerWrite;
import com.warroom.ledger.PostingOutcome;
import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStatus;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.Wallet;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payouts on the embedded stack for the override's workflow tests, written as the payout routes and the worker write
 * them: sealed, their amount held in the ledger with the payout, moved on by version, final states with their entry.
 */
final class PayoutWorld {

    static final String CHAIN = "evm:1";
    static final String ASSET = "USDC";

    final PayoutStore payouts;
    final PayoutSeal seal;
    final Ledger ledger;
    private final Clock clock;

    PayoutWorld(ApprovalFixtures fixtures, Clock clock) {
        this.clock = clock;
        this.payouts = new PayoutStore(fixtures.dynamo, Topology.PAYOUTS.localName());
        this.seal = new PayoutSeal(ApprovalFixtures.sealer());
        this.ledger = new Ledger(fixtures.dynamo, Topology.LEDGER_BALANCES.localName(), Topology.LEDGER_ENTRIES.localName(),
                ApprovalFixtures.sealer(), clock);
    }

    /** A REQUESTED payout of {@code minor} USDC units, its amount held (the treasury funded with it first). */
    Payout requested(long minor) {
        Money amount = new Money(ASSET, minor);
        JournalEntry opening = PayoutJournal.opening(CHAIN, amount, clock.instant());
        var funding = new JournalEntry("test-funding:" + UUID.randomUUID(), opening.at(), opening.cause(), opening.postings());
        if (!(ledger.post(funding) instanceof PostingOutcome.Posted)) {
            throw new IllegalStateException("could not fund the treasury");
        }
        String id = "P-" + UUID.randomUUID().toString().substring(0, 13);
        Payout payout = seal.sealed(Payout.accepted(id, new Payout.Request("u-" + id, "WITHDRAWAL", amount, "ref-" + id,
                Optional.empty(), "platform-test"), new Wallet(CHAIN, "0x8617E340B3D01FA5F11F306F4090FD50E238070D"),
                PayoutStatus.REQUESTED, Optional.empty(), SortableTime.now(clock)));
        commit(List.of(payouts.insert(payout)), Optional.of(PayoutJournal.hold(payout, payout.times().createdAt())));
        return payout;
    }

    /** A payout in {@code status} (not final), as the worker leaves it. */
    Payout inState(PayoutStatus status, long minor) {
        Payout requested = requested(minor);
        return status == PayoutStatus.REQUESTED ? requested : moveTo(requested, status);
    }

    /** {@code current} moved to {@code status}; the final states with their ledger entry in the same transaction. */
    Payout moveTo(Payout current, PayoutStatus status) {
        var now = SortableTime.now(clock);
        Optional<String> rail = status == PayoutStatus.SUBMITTED || status == PayoutStatus.CONFIRMED ? Optional.of("tx-" + current.payoutId())
                : Optional.empty();
        Payout moved = current.moved(new Payout.Progress(status.name(), current.progress().submission(), 1, rail,
                rail.map(r -> status == PayoutStatus.CONFIRMED ? "COMPLETED" : "BROADCASTING"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), now);
        Optional<JournalEntry> entry = switch (status) {
            case CONFIRMED -> Optional.of(PayoutJournal.paid(moved, now));
            case FAILED, CANCELLED -> Optional.of(PayoutJournal.release(moved, now));
            default -> Optional.empty();
        };
        commit(List.of(payouts.replace(current, moved)), entry);
        return moved;
    }

    Payout read(String payoutId) {
        return payouts.find(payoutId).orElseThrow();
    }

    long treasury() {
        return balance(PayoutJournal.treasury(CHAIN, ASSET));
    }

    long pending() {
        return balance(PayoutJournal.pending(CHAIN, ASSET));
    }

    long paid() {
        return balance(PayoutJournal.paid(CHAIN, ASSET));
    }

    private long balance(AccountId account) {
        return ledger.statement(account, Optional.empty(), 1).balances().stream().filter(b -> b.currency().equals(ASSET))
                .mapToLong(AccountStatement.Balance::minor).findFirst().orElse(0L);
    }

    private void commit(List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes, Optional<JournalEntry> entry) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> all = new ArrayList<>(writes);
            if (entry.isPresent()) {
                if (!(ledger.prepare(entry.get()) instanceof LedgerWrite.Writes ledgerWrites)) {
                    throw new IllegalStateException("the ledger refused " + entry.get().id());
                }
                all.addAll(ledgerWrites.writes());
            }
            try {
                payouts.commit(all);
                return;
            } catch (TransactionCanceledException raced) {
                // another posting to the treasury came first: prepare again
            }
        }
        throw new IllegalStateException("could not write the payout");
    }
}
