package com.warroom.support.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void kindsOf_email_isTriedAsEmailFirst_thenAsUserId() {
        assertThat(Identifiers.kindsOf("sara@example.com")).containsExactly(QueryKind.EMAIL, QueryKind.USER_ID);
    }

    @Test
    void kindsOf_evmAddress_isAWalletFirst() {
        assertThat(Identifiers.kindsOf("0x8617E340B3D01FA5F11F306F4090FD50E238070D"))
                .startsWith(QueryKind.WALLET_EVM).doesNotContain(QueryKind.TX_HASH, QueryKind.EMAIL);
    }

    @Test
    void kindsOf_evmTxHash_isATxHashFirst() {
        assertThat(Identifiers.kindsOf(LookupWorld.evmTxHash())).startsWith(QueryKind.TX_HASH).doesNotContain(QueryKind.WALLET_EVM);
    }

    @Test
    void kindsOf_solanaSignature_isATxHash_notAWallet() {
        assertThat(Identifiers.kindsOf(LookupWorld.solanaSignature())).startsWith(QueryKind.TX_HASH)
                .doesNotContain(QueryKind.WALLET_SOLANA);
    }

    @Test
    void kindsOf_solanaAddress_isASolanaWalletFirst() {
        assertThat(Identifiers.kindsOf(LookupWorld.solanaAddress())).startsWith(QueryKind.WALLET_SOLANA)
                .doesNotContain(QueryKind.TX_HASH);
    }

    @Test
    void kindsOf_uuid_isAMidtransTransactionFirst_thenTheIds() {
        assertThat(Identifiers.kindsOf("9aed5972-5b6a-401e-894b-a32c91ed1a3a"))
                .containsExactly(QueryKind.MIDTRANS_TRANSACTION_ID, QueryKind.USER_ID, QueryKind.ORDER_ID, QueryKind.PAYOUT_ID);
    }

    @Test
    void kindsOf_shortId_isAUserOrderOrPayout_inThatOrder() {
        assertThat(Identifiers.kindsOf("ord-1")).containsExactly(QueryKind.USER_ID, QueryKind.ORDER_ID, QueryKind.PAYOUT_ID);
    }

    @Test
    void kindsOf_idOver50Characters_isNoOrder() {
        assertThat(Identifiers.kindsOf("p".repeat(60))).containsExactly(QueryKind.USER_ID, QueryKind.PAYOUT_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a/b", "<script>", "ünïcode", "a;b"})
    void kindsOf_noIdentifierShape_isEmpty(String q) {
        assertThat(Identifiers.kindsOf(q)).isEmpty();
    }
}
