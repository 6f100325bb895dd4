package com.warroom.payouts.api;

import com.warroom.observability.OpsMetrics;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.WalletSeal;
import com.warroom.seal.SealingUnavailable;
import com.warroom.seal.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seals users' primary wallets, and checks stored ones: a broken seal is counted (alarm) and logged. */
final class WalletCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WalletCheck.class);

    private final WalletSeal seal;

    WalletCheck(WalletSeal seal) {
        this.seal = seal;
    }

    /** @throws SealingUnavailable when the key service cannot check it (the caller may retry) */
    boolean intact(UserProfile user, String why) {
        return switch (seal.verify(user)) {
            case Verification.Valid valid -> true;
            case Verification.Invalid invalid -> {
                OpsMetrics.count(PayoutSeal.TAMPERED_METRIC);
                LOG.error("user {}: the primary wallet does not match its seal ({}) (README runbook: Payout seal broken)",
                        user.userId(), why);
                yield false;
            }
            case Verification.Unavailable unavailable -> throw new SealingUnavailable(unavailable.reason(), null);
        };
    }

    /** The user with its wallet sealed: one GenerateMac. */
    UserProfile sealed(UserProfile user) {
        return seal.sealed(user);
    }
}
