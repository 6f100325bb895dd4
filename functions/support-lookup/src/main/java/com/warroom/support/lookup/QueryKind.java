package com.warroom.support.lookup;

/** What a support lookup's {@code q} can be; its shape says which kinds to try ({@link Identifiers}). */
public enum QueryKind {
    USER_ID("user"),
    EMAIL("email"),
    WALLET_EVM("wallet"),
    WALLET_SOLANA("wallet"),
    ORDER_ID("order"),
    PAYOUT_ID("payout"),
    MIDTRANS_TRANSACTION_ID("Midtrans transaction"),
    TX_HASH("transaction");

    private final String noun;

    QueryKind(String noun) {
        this.noun = noun;
    }

    /** How a match of this kind is named in the card's {@code matched} ({@code order ord-1}). */
    String noun() {
        return noun;
    }
}
