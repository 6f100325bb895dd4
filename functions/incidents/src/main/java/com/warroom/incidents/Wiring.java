package com.warroom.incidents;

import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
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

    /**
     * Who is on call. Until the config's roster is wired here, nobody is: a declaration must then name its commander
     * (422 naming commander otherwise), which keeps every incident owned.
     */
    public static OnCallRoster roster() {
        return (area, at) -> java.util.Optional.empty();
    }

    public static IncidentKeeper keeper(Clock clock) {
        return new IncidentKeeper(store(), WarRoomNotices.fromSettings(AwsClients.sns()), clock);
    }
}
