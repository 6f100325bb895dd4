package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvmAddressTest {

    /** The test vectors of EIP-55 (ethereum/EIPs, EIPS/eip-55.md), including its all-caps and all-lowercase ones. */
    static Stream<String> eip55Vectors() {
        return Stream.of(
                "0x52908400098527886E0F7030069857D2E4169EE7",
                "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
                "0xde709f2102306220921060314715629080e2fb77",
                "0x27b1fdb04752bbc536007a920d24acb045561c26",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");
    }

    static Stream<String> mixedCaseVectors() {
        return eip55Vectors().skip(4);
    }

    @ParameterizedTest
    @MethodSource("eip55Vectors")
    void problem_whenEip55Vector_expectNone(String address) {
        assertThat(EvmAddress.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eip55Vectors")
    void checksummed_whenAnyCase_expectTheEip55Vector(String address) {
        assertThat(EvmAddress.checksummed(address.toLowerCase(Locale.ROOT).replace("0X", "0x"))).isEqualTo(address);
        assertThat(EvmAddress.checksummed("0x" + address.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(address);
    }

    @ParameterizedTest
    @MethodSource("mixedCaseVectors")
    void problem_whenOneLetterChangesCase_expectChecksumFailureNamingTheChecksummedForm(String address) {
        for (int i = 2; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isLetter(c)) {
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                String altered = address.substring(0, i) + flipped + address.substring(i + 1);
                assertThat(EvmAddress.problem(altered)).as(altered).hasValueSatisfying(p ->
                        assertThat(p).contains("EIP-55").contains(address));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("mixedCaseVectors")
    void problem_whenAllLowercaseOrAllUppercase_expectRefusedAsUnchecksummed(String address) {
        assertThat(EvmAddress.problem(address.toLowerCase(Locale.ROOT))).isPresent();
        assertThat(EvmAddress.problem("0x" + address.substring(2).toUpperCase(Locale.ROOT))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",     // no 0x
        "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",   // 0X
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",    // 39 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",  // 41 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",   // not hex
        " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "",
        "0x0000000000000000000000000000000000000000",   // zero address
    })
    void problem_whenNotAUsableAddress_expectRefused(String address) {
        assertThat(EvmAddress.problem(address)).isPresent();
    }

    @Test
    void checksummed_whenNotAnAddress_expectRefused() {
        assertThatThrownBy(() -> EvmAddress.checksummed("0x1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keccak256_whenEmptyInput_expectKeccakNotSha3() {
        String keccak = HexFormat.of().formatHex(EvmAddress.keccak256("".getBytes(StandardCharsets.US_ASCII)));

        assertThat(keccak).isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        // SHA3-256("") is a7ffc6f8...: the same sponge, another padding
        assertThat(keccak).isNotEqualTo("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    }
}
