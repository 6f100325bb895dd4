package com.warroom.support;

import com.warroom.ledger.Ledger;
import com.warroom.outbox.Outbox;
import com.warroom.seal.Sealer;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * EXP rewards for reproduced and fixed bugs: the ledger entry {@code exp-reward:<ticketId>} moving the priority's EXP
 * from the rewards source account to {@code exp:<userId>}, and the user's notice {@code exp.granted:<ticketId>} in the
 * outbox, written in one transaction so that the notice exists exactly when the EXP was posted.
 */
public final class ExpRewards {

    private final Ledger ledger;
    private final Outbox outbox;
    private final ExpRewardRates rates;
    private final Clock clock;

    /** {@code rates}: the config in force, asked at each grant. */
    public ExpRewards(Ledger ledger, Outbox outbox, ExpRewardRates rates, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.rates = rates;
        this.clock = clock;
    }

    /** The rewards of this process: the ledger, outbox and config tables from the topology's environment variables. */
    public static ExpRewards fromSettings(DynamoDbEnhancedClient client, Sealer sealer, Clock clock) {
        throw new UnsupportedOperationException("ExpRewards.fromSettings is being built on branch wt-exp");
    }

    /**
     * Posts the reward and queues its notice, each at most once per ticket, whoever calls and however often.
     *
     * @throws com.warroom.ledger.LedgerContention when other postings came first every time it tried
     * @throws com.warroom.ledger.LedgerTampered when a balance it touches fails its seal; nothing is written
     * @throws IllegalStateException when no config is loaded
     */
    public ExpGrant grant(ExpAward award) {
        throw new UnsupportedOperationException("ExpRewards.grant is being built on branch wt-exp");
    }
}
