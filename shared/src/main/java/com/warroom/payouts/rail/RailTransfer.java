package com.warroom.payouts.rail;

import com.warroom.money.Money;
import java.util.Objects;

/**
 * One transfer out of the treasury: {@code externalId} names it at the rail (the payout id, see
 * {@link com.warroom.payouts.rail.PayoutRail}), {@code amount} is in the asset's unit ({@code amount.currency()} is the
 * asset symbol), to {@code destinationAddress} on {@code chain} (a chain key such as {@code evm:1}), from the treasury
 * wallet {@code sourceAddress} of that chain and asset.
 */
public record RailTransfer(String externalId, String chain, Money amount, String sourceAddress, String destinationAddress,
                           String note) {

    public RailTransfer {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(note, "note");
    }
}
