package com.warroom.support;

import java.time.Instant;

/**
 * A granted EXP reward as the ledger holds it: the journal entry ({@code exp-reward:<ticketId>}), the whole EXP it
 * credited, when it was granted, and whether this call posted it ({@code false} when an earlier call had: the amount
 * and
 * time are then the ones posted then, whatever the rates are now).
 */
public record ExpGrant(String entryId, long exp, Instant grantedAt, boolean newlyPosted) {
}
