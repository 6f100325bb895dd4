package com.warroom.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as the API and the PSP write them: a decimal string ({@code "150000.00"}) in an ISO-4217 currency, parsed
 * exactly into minor units (never through a double) and written back with the currency's number of decimals.
 */
public final class DecimalAmount {

    /** The largest amount accepted anywhere: one trillion major units (10^12), far past any single payment. */
    public static final BigDecimal MAX_MAJOR = new BigDecimal("1000000000000");

    // digits, an optional fraction; no sign, exponent, spaces, grouping or leading '+'. The fraction may be longer than
    // any currency's decimals, so that "1.0000001" is refused for its decimals, not as "not a decimal string".
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,18})?");

    private DecimalAmount() {
    }

    /** The parsed amount, or why the text is not a positive amount of that currency. */
    public sealed interface Parsed {
        record Valid(Money money) implements Parsed {
        }

        record Invalid(String reason) implements Parsed {
        }
    }

    /**
     * Parses {@code text} as a positive amount of {@code currency} (which must be a valid ISO-4217 code): at most the
     * currency's decimals ({@code "150000.00"} and {@code "150000"} for IDR, not {@code "1.001"}), greater than zero
     * and at most {@link #MAX_MAJOR}.
     */
    public static Parsed parsePositive(String text, String currency) {
        if (!Money.isCurrencyCode(currency)) {
            return new Parsed.Invalid("not an ISO-4217 currency code");
        }
        return parse(text, currency);
    }

    private static Parsed parse(String text, String currency) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return new Parsed.Invalid("must be a decimal string such as \"150000.00\" (digits, optionally a '.' and decimals; no sign)");
        }
        BigDecimal value = new BigDecimal(text);
        int digits = fractionDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            return new Parsed.Invalid("has more decimals than " + currency + " allows (" + digits + ")");
        }
        if (value.signum() <= 0) {
            return new Parsed.Invalid("must be greater than zero");
        }
        if (value.compareTo(MAX_MAJOR) > 0) {
            return new Parsed.Invalid("must be at most " + MAX_MAJOR.toPlainString());
        }
        return new Parsed.Valid(new Money(currency, value.movePointRight(digits).longValueExact()));
    }

    /**
     * Parses {@code text} as a positive amount of a known crypto asset ({@link AssetUnit}): at most its ledger decimals,
     * greater than zero and at most {@link #MAX_MAJOR}.
     */
    public static Parsed parsePositiveAsset(String text, String asset) {
        if (!AssetUnit.isKnown(asset)) {
            return new Parsed.Invalid("not an asset Warroom keeps books in");
        }
        return parse(text, asset);
    }

    /** Like {@link #parsePositive}, for callers that have already checked the text. */
    public static Optional<Money> tryParsePositive(String text, String currency) {
        return parsePositive(text, currency) instanceof Parsed.Valid valid ? Optional.of(valid.money()) : Optional.empty();
    }

    /** {@code "150000.00"} for 15,000,000 minor units of IDR; a negative amount keeps its sign. */
    public static String format(Money money) {
        return BigDecimal.valueOf(money.minor(), fractionDigits(money.currency())).toPlainString();
    }

    /** The minor-unit decimals of a currency per ISO 4217 (IDR 2, JPY 0, USD 2, BHD 3) or of an asset ({@link AssetUnit}). */
    public static int fractionDigits(String currency) {
        return AssetUnit.decimals(currency).orElseGet(() -> Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }
}
