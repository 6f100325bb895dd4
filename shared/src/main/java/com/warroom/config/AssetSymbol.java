package com.warroom.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for an asset's ticker symbol in config, such as {@code USDC}, {@code ETH} or {@code USDC.E}. */
public final class AssetSymbol {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{1,15}");

    private AssetSymbol() {
    }

    /** Why {@code symbol} cannot name an asset, or empty when it can. */
    public static Optional<String> problem(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            return Optional.of("must be an asset symbol: an uppercase letter, then 1 to 15 uppercase letters, digits or dots");
        }
        return Optional.empty();
    }
}
