package com.warroom.payouts.api;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutKind;
import com.warroom.payouts.Wallet;
import java.util.Optional;

/**
 * A well-formed {@code POST /v1/payouts}: its fields read, not yet judged against the user, the config, the flags or the
 * ledger. {@code amount} is the text as sent: whether the asset allows it is judged after the asset.
 *
 * @param payoutId the request's Idempotency-Key
 * @param requestedBy the caller's {@code sub}
 */
record PayoutRequest(String payoutId, Asked asked, Optional<Wallet> destination, String requestedBy) {

    /** What is to be paid, to whom, why. */
    record Asked(String userId, PayoutKind kind, String amount, String asset, String reference, Optional<String> roundId) {
    }

    /** The amount in the asset's minor units, or why it is not one the asset allows. */
    DecimalAmount.Parsed amount() {
        try {
            return DecimalAmount.parsePositiveAsset(asked.amount(), asked.asset());
        } catch (ArithmeticException tooLarge) {
            // a native coin's 9 decimals take an amount near the maximum past a long
            return new DecimalAmount.Parsed.Invalid("is too large for " + asked.asset());
        }
    }

    /** Whether {@code payout} is what this request asks for (another request under the same id is refused). */
    boolean sameAs(Payout payout) {
        Payout.Request stored = payout.request();
        boolean sameAmount = amount() instanceof DecimalAmount.Parsed.Valid valid && valid.money().equals(stored.amount());
        return sameAmount
                && stored.userId().equals(asked.userId())
                && stored.kind().equals(asked.kind().name())
                && stored.reference().equals(asked.reference())
                && stored.roundId().equals(asked.roundId())
                && destination.map(wallet -> wallet.sameAs(payout.destination())).orElse(true);
    }

    Payout.Request request(Money amount) {
        return new Payout.Request(asked.userId(), asked.kind().name(), amount, asked.reference(), asked.roundId(), requestedBy);
    }
}
