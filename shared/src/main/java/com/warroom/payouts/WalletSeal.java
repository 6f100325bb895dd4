package com.warroom.payouts;

import com.warroom.payments.SortableTime;
import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.util.List;

/**
 * The seal of a user's primary wallet: a KMS MAC over the user, the wallet's chain and address, since when it is
 * theirs and until when its change cools off. Someone who edits the users table cannot point a user's payouts at
 * another wallet, or cut a cooling-off short, without breaking it.
 */
public final class WalletSeal {

    private final Sealer sealer;

    public WalletSeal(Sealer sealer) {
        this.sealer = sealer;
    }

    public UserProfile sealed(UserProfile user) {
        return user.withSeal(sealer.seal(canonical(user)));
    }

    public Verification verify(UserProfile user) {
        if (user.seal() == null) {
            return new Verification.Invalid();
        }
        return sealer.verify(canonical(user), user.seal());
    }

    static byte[] canonical(UserProfile user) {
        return CanonicalBytes.of(List.of("wallet", user.userId(), user.primaryWallet().chain(), user.primaryWallet().address(),
                SortableTime.format(user.walletSince()), user.coolingOffUntil().map(SortableTime::format).orElse("")));
    }
}
