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

    /**
     * The address as a lookup finds it (the users' {@code byWallet} index): EVM addresses in lower case, since people
     * paste them in any case, other chains' exactly as written.
     */
    public String lookupKey() {
        return lookupKey(chain.startsWith("evm:"), address);
    }

    /** {@link #lookupKey()} of an address whose chain is told only by its shape ({@code 0x...} is EVM). */
    public static String lookupKey(boolean evm, String address) {
        return evm ? address.toLowerCase(Locale.ROOT) : address;
    }

    /** Whether the chain key names a chain at all (not whether it is supported). */
    public boolean chainReadable() {
        return Chain.parse(chain).isPresent();
    }
}
