package com.warroom.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"USD", "IDR", "EUR", "JPY"})
    void isCurrencyCode_whenIso4217_expectTrue(String code) {
        assertThat(Money.isCurrencyCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDT", "XYZ", "", " USD", "ETH"})
    void isCurrencyCode_whenNotIso4217_expectFalse(String code) {
        assertThat(Money.isCurrencyCode(code)).isFalse();
    }

    @Test
    void new_whenCurrencyUnknown_expectRefused() {
        assertThatThrownBy(() -> new Money("XYZ", 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
