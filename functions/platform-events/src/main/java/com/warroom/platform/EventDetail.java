package com.warroom.platform;

import com.warroom.money.Money;

/** What an event says happened, validated ({@link DetailRules}): amounts in minor units of their asset. */
public sealed interface EventDetail {

    PlatformEventType type();

    /** The asset (or currency) the event's amounts are in. */
    String asset();

    /** A contribution to a round, confirmed on chain. */
    record Contribution(String roundId, String userId, Money amount, String txHash) implements EventDetail {
        public PlatformEventType type() {
            return PlatformEventType.CONTRIBUTION_CONFIRMED;
        }

        public String asset() {
            return amount.currency();
        }
    }

    /** A round closed with what the platform counts as raised (checked against the round's own totals by the reconcile). */
    record Finalization(String roundId, Money totalRaised, long contributorCount) implements EventDetail {
        public PlatformEventType type() {
            return PlatformEventType.ROUND_FINALIZED;
        }

        public String asset() {
            return totalRaised.currency();
        }
    }

    /** A fee charged under a fee rule of the config; split among the rule's recipients. */
    record Fee(String ruleId, Money amount, String reference) implements EventDetail {
        public PlatformEventType type() {
            return PlatformEventType.FEE_CHARGED;
        }

        public String asset() {
            return amount.currency();
        }
    }

    /** A referral reward a user claimed: owed to them until paid out. */
    record Referral(String userId, Money amount, String reference) implements EventDetail {
        public PlatformEventType type() {
            return PlatformEventType.REFERRAL_CLAIMED;
        }

        public String asset() {
            return amount.currency();
        }
    }

    /** A contribution paid back to its user. */
    record Refund(String roundId, String userId, Money amount, String reference) implements EventDetail {
        public PlatformEventType type() {
            return PlatformEventType.REFUND_ISSUED;
        }

        public String asset() {
            return amount.currency();
        }
    }
}
