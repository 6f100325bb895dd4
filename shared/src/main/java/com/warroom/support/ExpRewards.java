package com.warroom.support;

import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigStore;
import com.warroom.ledger.AccountId;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.Ledger;
import com.warroom.ledger.LedgerItems;
import com.warroom.ledger.Posting;
import com.warroom.ledger.PostingOutcome;
import com.warroom.money.AssetUnit;
import com.warroom.money.Money;
import com.warroom.observability.OpsMetrics;
import com.warroom.outbox.Notification;
import com.warroom.outbox.NotificationKind;
import com.warroom.outbox.Outbox;
import com.warroom.outbox.OutboxDispatch;
import com.warroom.outbox.OutboxStatus;
import com.warroom.outbox.SqsOutboxDispatch;
import com.warroom.seal.Sealer;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * EXP rewards for reproduced and fixed bugs: the ledger entry {@code exp-reward:<ticketId>} moving the priority's EXP
 * from {@link #SOURCE} to {@code exp:<userId>}, and the user's notice {@code exp.granted:<ticketId>} in the outbox,
 * written in one transaction so that the notice exists exactly when the EXP was posted. The entry id makes the grant
 * once per ticket: a second call, concurrent or later, finds the entry posted and answers it as it was posted.
 */
public final class ExpRewards {

    /** Where EXP comes from: a clearing account, so it goes negative by what was granted (the total ever granted). */
    public static final AccountId SOURCE = new AccountId("exp_clearing:rewards");
    /** The account kind of a user's EXP: {@code exp:<userId>}. */
    public static final String ACCOUNT_KIND = "exp";
    /** The notice's fact that holds the EXP granted, a whole number as text. */
    public static final String EXP_FACT = "exp";
    /** Counted once per newly posted reward. */
    public static final String GRANTED_METRIC = "ExpGranted";

    private static final String ENTRY_PREFIX = "exp-reward:";
    private static final Logger LOG = LoggerFactory.getLogger(ExpRewards.class);

    private final Ledger ledger;
    private final Outbox outbox;
    private final Optional<OutboxDispatch> dispatch;
    private final ExpRewardRates rates;
    private final Clock clock;

    /**
     * Rewards whose notices are created PENDING and not handed to the sender (for a caller that only looks at the
     * ledger and the outbox, as a test of the grant does); {@link #fromSettings} and the constructor with an
     * {@link OutboxDispatch} hand each new notice to the sender. {@code rates}: the config in force, asked at each
     * grant.
     */
    public ExpRewards(Ledger ledger, Outbox outbox, ExpRewardRates rates, Clock clock) {
        this(ledger, outbox, Optional.empty(), rates, clock);
    }

    /** Rewards that hand each notice to the sender through {@code dispatch} once it is committed. */
    public ExpRewards(Ledger ledger, Outbox outbox, OutboxDispatch dispatch, ExpRewardRates rates, Clock clock) {
        this(ledger, outbox, Optional.of(dispatch), rates, clock);
    }

    private ExpRewards(Ledger ledger, Outbox outbox, Optional<OutboxDispatch> dispatch, ExpRewardRates rates, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * The rewards of this process: the ledger, outbox and config tables from the topology's environment variables, and
     * the notifications queue for the notices.
     */
    public static ExpRewards fromSettings(DynamoDbEnhancedClient client, Sealer sealer, Clock clock) {
        return new ExpRewards(Ledger.fromSettings(client, sealer, clock), Outbox.fromSettings(client, clock),
                SqsOutboxDispatch.fromSettings(AwsClients.sqs()),
                ExpRewardRates.inForce(new ConfigStore(client, Settings.require(Topology.CONFIG.envVar()), clock)), clock);
    }

    /** The ledger entry id of a ticket's reward. */
    public static String entryId(String ticketId) {
        return ENTRY_PREFIX + ticketId;
    }

    /** The ledger account of a user's EXP. */
    public static AccountId account(String userId) {
        return new AccountId(ACCOUNT_KIND + ":" + userId);
    }

    /**
     * Posts the reward and queues its notice, each at most once per ticket, whoever calls and however often. The EXP is
     * the priority's under the config in force when it is first posted; a later call answers that grant (with
     * {@code newlyPosted} false) and hands its notice to the sender again while it is still PENDING, which finishes a
     * grant whose caller stopped between the commit and the hand-over.
     *
     * @throws com.warroom.ledger.LedgerContention when other postings came first every time it tried
     * @throws com.warroom.ledger.LedgerTampered when a balance it touches fails its seal; nothing is written
     * @throws IllegalStateException when no config is loaded, or the one in force sets no EXP rewards
     * @throws software.amazon.awssdk.core.exception.SdkException when the notice could not be handed to the sender (the
     *         grant is posted: call again to hand it over)
     */
    public ExpGrant grant(ExpAward award) {
        String entryId = entryId(award.ticketId());
        Optional<ExpGrant> earlier = posted(award);
        if (earlier.isPresent()) {
            redispatchIfPending(award);
            return earlier.get();
        }
        long exp = rates.expFor(award.priority());
        Instant now = clock.instant();
        JournalEntry entry = new JournalEntry(entryId, now, "ticket:" + award.ticketId(), List.of(
                new Posting(SOURCE, new Money(AssetUnit.EXP, -exp)),
                new Posting(account(award.userId()), new Money(AssetUnit.EXP, exp))));
        Notification notice = new Notification(NotificationKind.EXP_GRANTED, award.ticketId(), award.userId(),
                award.email(), award.phone(), Map.of(EXP_FACT, Long.toString(exp)));
        return switch (ledger.post(entry, outbox.create(notice))) {
            case PostingOutcome.Posted posted -> {
                OpsMetrics.count(GRANTED_METRIC);
                LOG.info("ticket {}: {} EXP granted to {} ({})", award.ticketId(), exp, award.userId(), entryId);
                dispatch.ifPresent(d -> d.dispatch(notice.id()));
                yield new ExpGrant(entryId, exp, now, true);
            }
            case PostingOutcome.AlreadyPosted already -> {
                redispatchIfPending(award);
                yield posted(award).orElseThrow(() -> new IllegalStateException(entryId + " is posted but cannot be read"));
            }
            // only the clearing account is debited, and it may go negative
            case PostingOutcome.Overdrawn overdrawn -> throw new IllegalStateException("the ledger refuses " + entryId
                    + ": account " + overdrawn.account() + " would go negative");
        };
    }

    /** The reward of this award's ticket as posted, if it is. */
    private Optional<ExpGrant> posted(ExpAward award) {
        String entryId = entryId(award.ticketId());
        return ledger.journal(entryId).map(journal -> new ExpGrant(entryId, credited(journal), Instant.parse(journal.at()), false));
    }

    private static long credited(LedgerItems.Journal journal) {
        return journal.legs().stream()
                .filter(leg -> leg.currency().equals(AssetUnit.EXP) && leg.minor() > 0)
                .mapToLong(LedgerItems.Leg::minor)
                .sum();
    }

    private void redispatchIfPending(ExpAward award) {
        if (dispatch.isEmpty()) {
            return;
        }
        String id = NotificationKind.EXP_GRANTED.idFor(award.ticketId());
        outbox.find(id).filter(item -> item.status() == OutboxStatus.PENDING).ifPresent(item -> {
            LOG.info("ticket {}: its EXP notice is still PENDING; handing it to the sender again", award.ticketId());
            dispatch.get().dispatch(id);
        });
    }
}
