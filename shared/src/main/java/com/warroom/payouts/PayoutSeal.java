package com.warroom.payouts;

import com.warroom.seal.CanonicalBytes;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.util.List;

/**
 * The seal of a payout: a KMS MAC over its id, user, destination chain and address, amount, asset, kind and submission
 * — what it pays, to whom, and under which external id. The most valuable edit an insider could make to the table is
 * a payout's destination; the worker checks this seal before every call to the rail.
 */
public final class PayoutSeal {

    /** Counted each time a payout or its user's wallet fails its seal (alarm). */
    public static final String TAMPERED_METRIC = "PayoutSealBroken";

    private final Sealer sealer;

    public PayoutSeal(Sealer sealer) {
        this.sealer = sealer;
    }

    /** The payout with a fresh seal: one GenerateMac. */
    public Payout sealed(Payout payout) {
        return payout.withSeal(sealer.seal(canonical(payout)));
    }

    /** Whether the payout is as it was sealed; a missing seal is {@link Verification.Invalid}. */
    public Verification verify(Payout payout) {
        if (payout.seal() == null) {
            return new Verification.Invalid();
        }
        return sealer.verify(canonical(payout), payout.seal());
    }

    static byte[] canonical(Payout payout) {
        Payout.Request request = payout.request();
        return CanonicalBytes.of(List.of("payout", payout.payoutId(), request.userId(), payout.destination().chain(),
                payout.destination().address(), Long.toString(request.amount().minor()), request.amount().currency(),
                request.kind(), Integer.toString(payout.progress().submission())));
    }
}
