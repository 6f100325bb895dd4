package com.warroom.bench;

import com.warroom.seal.Seal;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;

/**
 * Counts what a {@link Sealer} is asked. In front of {@link com.warroom.seal.KmsSealer}, one {@code seal} is one
 * {@code GenerateMac} request and one {@code verify} one {@code VerifyMac} request (a failed request would end the
 * bench, so there are no retries to hide). Used from one thread.
 */
final class CountingSealer implements Sealer {

    private final Sealer delegate;
    private long seals;
    private long verifications;

    CountingSealer(Sealer delegate) {
        this.delegate = delegate;
    }

    @Override
    public Seal seal(byte[] canonicalBytes) {
        seals++;
        return delegate.seal(canonicalBytes);
    }

    @Override
    public Verification verify(byte[] canonicalBytes, Seal seal) {
        verifications++;
        return delegate.verify(canonicalBytes, seal);
    }

    long seals() {
        return seals;
    }

    long verifications() {
        return verifications;
    }
}
