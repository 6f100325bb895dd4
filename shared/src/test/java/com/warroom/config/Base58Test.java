package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base58Test {

    /** Vectors from Bitcoin Core's base58_encode_decode.json. */
    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "61, 2g",
        "626262, a3gV",
        "636363, aPEr",
        "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
        "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "516b6fcd0f, ABnLTmg",
        "bf4f89001e670274dd, 3SEo3LWLoPntC",
        "572e4794, 3EFU7m",
        "ecac89cad93923c02321, EJDM8drfXA6uyA",
        "10c8511e, Rt5zm",
        "00000000000000000000, 1111111111",
    })
    void decodeAndEncode_whenBitcoinVector_expectTheOtherSide(String hex, String base58) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(Base58.decode(base58)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        assertThat(Base58.encode(bytes)).isEqualTo(base58);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "2g0", "a3g V", "é", "+", "2g\n"})
    void decode_whenCharacterOutsideTheAlphabet_expectEmpty(String text) {
        assertThat(Base58.decode(text)).isEmpty();
    }

    @Property(tries = 500)
    void decode_forAnyBytes_expectEncodeRoundTrips(@ForAll @Size(max = 64) byte[] bytes) {
        assertThat(Base58.decode(Base58.encode(bytes))).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    }
}
