package com.warroom.config;

import java.util.Objects;

/** The platform's treasury wallet for one asset on one chain. */
public record TreasuryWallet(Chain chain, String asset, String address) {

    public TreasuryWallet {
        Objects.requireNonNull(chain, "chain");
        AssetSymbol.problem(asset).ifPresent(p -> {
            throw new IllegalArgumentException("asset " + p);
        });
        chain.addressProblem(address).ifPresent(p -> {
            throw new IllegalArgumentException("address " + p);
        });
    }
}
