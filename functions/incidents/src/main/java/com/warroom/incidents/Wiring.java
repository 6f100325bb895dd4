package com.warroom.incidents;

import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.config.ConfigOnCallRoster;
import com.warroom.config.ConfigStore;
import com.warroom.incidents.desk.IncidentDesk;
import com.warroom.incidents.desk.LinkTargets;
import com.warroom.incidents.keeper.IncidentKeeper;
import com.warroom.incidents.store.IncidentStore;
import com.warroom.observability.WarRoomNotices;
import com.warroom.oncall.OnCallRoster;
import com.warroom.topology.Topology;
import java.time.Clock;

/** The collaborators of this process, from the topology's environment variables: for the handlers' no-arg constructors. */
public final class Wiring {

    private Wiring() {
    }

    public static IncidentStore store() {
        return new IncidentStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.INCIDENTS.envVar()));
    }

    public static IncidentDesk desk(IncidentStore store, OnCallRoster roster, Clock clock) {
        return new IncidentDesk(store, AuditLog.fromSettings(AwsClients.dynamoDbEnhanced(), clock), LinkTargets.fromSettings(AwsClients.dynamoDb()),
                roster, clock);
    }

    /** Who is on call: the roster of the sealed config in force (its {@code onCall} section). */
    public static OnCallRoster roster(Clock clock) {
        return new ConfigOnCallRoster(new ConfigStore(AwsClients.dynamoDbEnhanced(), Settings.require(Topology.CONFIG.envVar()), clock));
    }

    public static IncidentKeeper keeper(Clock clock) {
        return new IncidentKeeper(store(), WarRoomNotices.fromSettings(AwsClients.sns()), clock);
    }
}
