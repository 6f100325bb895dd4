package com.warroom.payouts.worker;

import java.util.Optional;

/** Where payouts of a chain and asset are paid from: the treasury wallet of the config in force. */
@FunctionalInterface
public interface TreasuryAddresses {

    Optional<String> address(String chain, String asset);
}
