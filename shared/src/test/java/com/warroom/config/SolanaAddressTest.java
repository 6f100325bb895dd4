package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolanaAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",  // USDC mint
        "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",   // SPL Token program
        "So11111111111111111111111111111111111111112",   // wrapped SOL mint
    })
    void problem_whenBase58Of32Bytes_expectNone(String address) {
        assertThat(SolanaAddress.problem(address)).isEmpty();
    }

    @Test
    void problem_whenSystemProgramId_expectRefusedAsNotAWallet() {
        assertThat(SolanaAddress.problem("11111111111111111111111111111111")).hasValueSatisfying(p ->
                assertThat(p).contains("System Program"));
    }

    @Test
    void problem_whenWrongLength_expectRefusedNamingTheLength() {
        assertThat(SolanaAddress.problem(Base58.encode(new byte[] {1, 2, 3}))).hasValueSatisfying(p -> assertThat(p).contains("not 3"));
        byte[] bytes31 = new byte[31];
        bytes31[0] = 7;
        assertThat(SolanaAddress.problem(Base58.encode(bytes31))).hasValueSatisfying(p -> assertThat(p).contains("not 31"));
        byte[] bytes33 = new byte[33];
        bytes33[32] = 7;
        assertThat(SolanaAddress.problem(Base58.encode(bytes33))).hasValueSatisfying(p -> assertThat(p).contains("not 33"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt10",   // 0 is not base58
        "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDtlv",   // nor is l
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",     // an EVM address
        "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1vX",  // 45 characters
        "",
    })
    void problem_whenNotBase58Of32Bytes_expectRefused(String address) {
        assertThat(SolanaAddress.problem(address)).isPresent();
    }
}
