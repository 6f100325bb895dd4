package com.warroom.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: whole minor units of an ISO-4217 currency (cents for USD) or of a known crypto asset
 * ({@link AssetUnit}: micro-USDC, gwei); never a double.
 */
public record Money(String currency, long minor) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isUnit(currency)) {
            throw new IllegalArgumentException("not an ISO-4217 currency code nor a known asset: " + currency);
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

    /** True for an ISO-4217 currency code or a known crypto asset ({@link AssetUnit}). */
    public static boolean isUnit(String code) {
        return isCurrencyCode(code) || AssetUnit.isKnown(code);
    }
}
