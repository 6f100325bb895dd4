package com.warroom.payouts;

import com.warroom.config.Chain;
import java.util.Locale;
import java.util.Objects;

/** A wallet: a chain key ({@code evm:1}, {@code solana}) and an address on it. */
public record Wallet(String chain, String address) {

    public Wallet {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(address, "address");
    }

    /**
     * Whether {@code other} is the same wallet: EVM addresses compare without case (the EIP-55 checksum is only their
     * spelling), other chains' exactly.
     */
    public boolean sameAs(Wallet other) {
        if (!chain.equals(other.chain)) {
            return false;
        }
        return chain.startsWith("evm:")
                ? address.toLowerCase(Locale.ROOT).equals(other.address.toLowerCase(Locale.ROOT))
                : address.equals(other.address);
    }

    /** Whether the chain key names a chain at all (not whether it is supported). */
    public boolean chainReadable() {
        return Chain.parse(chain).isPresent();
    }
}
