package com.warroom.money;

import java.util.Currency;
import java.util.Objects;

/** An amount of money: whole minor units (cents for USD) of an ISO-4217 currency; never a double. */
public record Money(String currency, long minor) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("not an ISO-4217 currency code: " + currency);
        }
    }

    /** True for a three-letter code the JDK's ISO-4217 table knows, such as {@code USD} or {@code IDR}. */
    public static boolean isCurrencyCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
