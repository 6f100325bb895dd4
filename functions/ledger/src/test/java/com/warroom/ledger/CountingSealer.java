package com.warroom.ledger;

import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what a {@link Sealer} is asked: in front of {@code KmsSealer}, one GenerateMac or VerifyMac request each. */
final class CountingSealer implements Sealer {

    private final Sealer delegate;
    private final AtomicInteger seals = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    CountingSealer(Sealer delegate) {
        this.delegate = delegate;
    }

    @Override
    public Seal seal(byte[] canonicalBytes) {
        seals.incrementAndGet();
        return delegate.seal(canonicalBytes);
    }

    @Override
    public Verification verify(byte[] canonicalBytes, Seal seal) {
        verifications.incrementAndGet();
        return delegate.verify(canonicalBytes, seal);
    }

    int seals() {
        return seals.get();
    }

    int verifications() {
        return verifications.get();
    }

    void reset() {
        seals.set(0);
        verifications.set(0);
    }
}
