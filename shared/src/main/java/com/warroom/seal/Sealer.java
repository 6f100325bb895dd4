package com.warroom.seal;

/** Makes and checks keyed seals over the canonical bytes of a record (see {@link CanonicalBytes}). */
public interface Sealer {

    /** @throws SealingUnavailable when no seal can be made */
    Seal seal(byte[] canonicalBytes);

    Verification verify(byte[] canonicalBytes, Seal seal);
}
