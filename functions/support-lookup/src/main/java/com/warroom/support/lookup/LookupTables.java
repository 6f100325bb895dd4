package com.warroom.support.lookup;

import com.warroom.aws.Settings;
import com.warroom.topology.Topology;

/** The names of the tables the lookup reads. */
record LookupTables(String users, String orders, String paymentEvents, String payouts, String platformEvents,
                    String entitlements, String flags, String findings, String tickets) {

    /** From the environment the topology sets (only the handler's no-arg constructor calls this). */
    static LookupTables fromSettings() {
        return new LookupTables(Settings.require(Topology.USERS.envVar()), Settings.require(Topology.ORDERS.envVar()),
                Settings.require(Topology.PAYMENT_EVENTS.envVar()), Settings.require(Topology.PAYOUTS.envVar()),
                Settings.require(Topology.PLATFORM_EVENTS.envVar()), Settings.require(Topology.ENTITLEMENTS.envVar()),
                Settings.require(Topology.FLAGS.envVar()), Settings.require(Topology.RECONCILE_FINDINGS.envVar()),
                Settings.require(Topology.TICKETS.envVar()));
    }

}
