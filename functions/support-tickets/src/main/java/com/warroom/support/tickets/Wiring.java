package com.warroom.support.tickets;

import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.seal.KmsSealer;
import com.warroom.support.ExpRewards;
import com.warroom.support.tickets.desk.LinkTargets;
import com.warroom.support.tickets.desk.RewardRecorder;
import com.warroom.support.tickets.desk.TicketDesk;
import com.warroom.support.tickets.keeper.TicketKeeper;
import com.warroom.support.tickets.store.TicketStore;
import com.warroom.topology.Topology;
import java.time.Clock;

/**
 * The collaborators of this process, from the topology's environment variables: for the handlers' no-arg constructors.
 */
public final class Wiring {

    private Wiring() {
    }

    public static TicketStore store() {
        return new TicketStore(AwsClients.dynamoDb(), AwsClients.dynamoDbEnhanced(), Settings.require(Topology.TICKETS.envVar()));
    }

    public static RewardRecorder rewards(TicketStore store, Clock clock) {
        return new RewardRecorder(ExpRewards.fromSettings(AwsClients.dynamoDbEnhanced(), KmsSealer.forKey(Topology.SEALS), clock), store, clock);
    }

    public static TicketDesk desk(TicketStore store, Clock clock) {
        return new TicketDesk(store, AuditLog.fromSettings(AwsClients.dynamoDbEnhanced(), clock),
                new LinkTargets(AwsClients.dynamoDb(), Settings.require(Topology.RECONCILE_FINDINGS.envVar()),
                        Settings.require(Topology.INCIDENTS.envVar())),
                rewards(store, clock), clock);
    }

    public static TicketKeeper keeper(Clock clock) {
        TicketStore store = store();
        return new TicketKeeper(store, rewards(store, clock), clock);
    }
}
