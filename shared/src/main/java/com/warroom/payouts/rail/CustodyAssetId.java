package com.warroom.payouts.rail;

import java.util.Locale;

/**
 * The custody API's asset id of an asset on a chain: the bare symbol on Ethereum mainnet ({@code USDC}), else the
 * symbol and the chain key ({@code USDC_EVM_8453} for {@code evm:8453}, {@code SOL_SOLANA} for {@code solana}).
 */
public final class CustodyAssetId {

    static final String ETHEREUM_MAINNET = "evm:1";

    private CustodyAssetId() {
    }

    public static String of(String chain, String asset) {
        String symbol = asset.toUpperCase(Locale.ROOT);
        return chain.equals(ETHEREUM_MAINNET) ? symbol : symbol + "_" + chain.toUpperCase(Locale.ROOT).replace(':', '_');
    }
}
