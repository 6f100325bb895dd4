package com.warroom.payouts.rail;

import java.util.Objects;
import java.util.Optional;

/**
 * A transfer as the rail reports it: the rail's own id, the external id it was created with, its status, and the
 * on-chain hash once it has one.
 */
public record RailTransaction(String railId, String externalId, RailStatus status, Optional<String> txHash) {

    public RailTransaction {
        Objects.requireNonNull(railId, "railId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(txHash, "txHash");
    }
}
