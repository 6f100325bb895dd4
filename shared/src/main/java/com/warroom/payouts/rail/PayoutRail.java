package com.warroom.payouts.rail;

import java.util.Map;
import java.util.Optional;

/**
 * Where payouts are paid: a custodian that moves the asset out of a treasury vault. Every call names the transfer by
 * its external id (the payout id), so that an answer that was lost can be asked for again instead of paying twice.
 */
public interface PayoutRail {

    /**
     * Asks the rail to make {@code transfer}. Idempotent on {@link RailTransfer#externalId()}: the rail refuses a second
     * transfer with the same external id ({@link SubmitOutcome.Duplicate}).
     */
    SubmitOutcome submit(RailTransfer transfer);

    /**
     * What the rail knows of the transfer with this external id: empty when it has none.
     *
     * @throws RailUnavailable when the rail could not be asked (timeout, 5xx, connection refused)
     */
    Optional<RailTransaction> find(String externalId);

    /**
     * The transaction a callback reports, when its signature holds.
     *
     * @param headers the request's headers, names in lower case
     * @throws CallbackRejected when the callback is unsigned, badly signed, or not a transaction event
     */
    RailTransaction parseCallback(Map<String, String> headers, String body);
}
