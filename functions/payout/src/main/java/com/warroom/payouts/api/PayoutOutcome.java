package com.warroom.payouts.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.Problem;
import com.warroom.payouts.Payout;

/** How a payout request ended. */
sealed interface PayoutOutcome {

    /** Accepted now, its hold placed: {@code view} is what the platform is answered. */
    record Accepted(Payout payout, ObjectNode view) implements PayoutOutcome {
    }

    /** The same request was accepted before: the payout as it is now. */
    record Existing(Payout payout) implements PayoutOutcome {
    }

    /** Refused by a rule the problem names; nothing was written. */
    record Refused(Problem problem) implements PayoutOutcome {
    }

    /** The ledger kept moving under every try; nothing was written and a retry may go through. */
    record Busy(String why) implements PayoutOutcome {
    }
}
