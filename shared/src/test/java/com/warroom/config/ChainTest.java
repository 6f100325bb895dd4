package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainTest {

    @Test
    void parse_whenEvmOrSolana_expectTheChain() {
        assertThat(Chain.parse("evm:1")).contains(new Chain.Evm(1));
        assertThat(Chain.parse("evm:8453")).contains(new Chain.Evm(8453));
        assertThat(Chain.parse("evm:999999999999999999")).contains(new Chain.Evm(999_999_999_999_999_999L));
        assertThat(Chain.parse("solana")).contains(Chain.SOLANA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evm:1", "evm:56", "evm:8453", "solana"})
    void key_whenParsed_expectTheSameName(String key) {
        assertThat(Chain.parse(key).orElseThrow().key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "evm:0", "evm:01", "evm:-1", "evm:+1", "evm:", "evm:1.0", "evm:1e3", "evm:0x1", "evm: 1", "evm:1 ",
        "evm:1000000000000000000", "evm:\u0661", "EVM:1", "evm1", "eip155:1", "1", "Solana", "sol", "solana:mainnet", "",
    })
    void parse_whenNotAChainName_expectEmpty(String key) {
        assertThat(Chain.parse(key)).isEmpty();
    }

    @Test
    void addressProblem_whenAddressOfTheOtherKind_expectRefused() {
        assertThat(new Chain.Evm(1).addressProblem(SeedConfigFixture.SOLANA_ADDRESS)).isPresent();
        assertThat(Chain.SOLANA.addressProblem(SeedConfigFixture.EVM_ADDRESS)).isPresent();
        assertThat(new Chain.Evm(1).addressProblem(SeedConfigFixture.EVM_ADDRESS)).isEmpty();
        assertThat(Chain.SOLANA.addressProblem(SeedConfigFixture.SOLANA_ADDRESS)).isEmpty();
    }
}
