package com.warroom.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalAmountTest {

    // ---- exact parsing

    @ParameterizedTest
    @CsvSource({
        "150000.00, IDR, 15000000",
        "150000, IDR, 15000000",
        "150000.5, IDR, 15000050",
        "0.01, IDR, 1",
        "10000.00, IDR, 1000000",
        "1500, JPY, 1500",
        "1, JPY, 1",
        "1.234, BHD, 1234",
        "0.001, BHD, 1",
        "19.99, USD, 1999",
        "0.0001, CLF, 1",
    })
    void parsePositive_whenExact_expectMinorUnits(String text, String currency, long minor) {
        assertThat(DecimalAmount.parsePositive(text, currency))
                .isEqualTo(new DecimalAmount.Parsed.Valid(new Money(currency, minor)));
    }

    @Test
    void parsePositive_whenBeyondDoublePrecision_expectEveryUnitKept() {
        // 0.1 + 0.2 territory and 17 significant digits: a double would lose the last units
        assertThat(valid("999999999999.99", "IDR").minor()).isEqualTo(99_999_999_999_999L);
        assertThat(valid("123456789012.34", "USD").minor()).isEqualTo(12_345_678_901_234L);
        assertThat(valid("0.30", "USD").minor()).isEqualTo(30);
    }

    @ParameterizedTest
    @CsvSource({"1.000, IDR, 100", "150000.0000000, IDR, 15000000", "1500.0, JPY, 1500", "1500.00, JPY, 1500"})
    void parsePositive_whenTrailingZerosPastTheCurrencysDecimals_expectTheSameAmount(String text, String currency, long minor) {
        // trailing zeros add no precision: "1500.00" JPY is exactly 1500 yen, as a PSP may write it
        assertThat(valid(text, currency)).isEqualTo(new Money(currency, minor));
    }

    // ---- refused

    @ParameterizedTest
    @CsvSource({"1.001, IDR", "0.001, IDR", "150000.005, IDR", "1500.5, JPY", "1.2345, BHD", "1.0000001, IDR",
        "19.999, USD"})
    void parsePositive_whenMoreDecimalsThanTheCurrencyAllows_expectRefusedForItsDecimals(String text, String currency) {
        assertThat(reason(text, currency)).contains("more decimals than " + currency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "-0.01", "-150000", "+1.00", "+0"})
    void parsePositive_whenSigned_expectRefused(String text) {
        assertThat(reason(text, "IDR")).contains("no sign");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.0", "0.000"})
    void parsePositive_whenZero_expectRefused(String text) {
        assertThat(reason(text, "IDR")).isEqualTo("must be greater than zero");
    }

    @Test
    void parsePositive_whenAtTheMaximum_expectAccepted() {
        assertThat(valid("1000000000000", "IDR").minor()).isEqualTo(100_000_000_000_000L);
        assertThat(valid("1000000000000.00", "IDR").minor()).isEqualTo(100_000_000_000_000L);
        assertThat(valid("1000000000000", "CLF").minor()).isEqualTo(10_000_000_000_000_000L);
    }

    @ParameterizedTest
    @CsvSource({"1000000000000.01, IDR", "1000000000001, IDR", "999999999999999, IDR", "999999999999999.999, BHD",
        "1000000000001, JPY"})
    void parsePositive_whenOverTheMaximum_expectRefused(String text, String currency) {
        assertThat(reason(text, currency)).isEqualTo("must be at most 1000000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E3", "1.5e2", "1.0E+2", "1e-2", "0x10", "NaN", "Infinity", "-Infinity"})
    void parsePositive_whenExponentOrNotANumber_expectRefused(String text) {
        assertThat(reason(text, "IDR")).startsWith("must be a decimal string");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1.00", "1.00 ", "1 000.00", "\t1", "1\n", "1,000.00", "1_000", "1.", ".5", "1..0", "01.00",
        "00", "1.00.0", "٣", "１２３", "1.٣", "$1.00", "1.00 IDR", "10000000000000000"})
    void parsePositive_whenSpacesGroupingOrMalformed_expectRefused(String text) {
        assertThat(reason(text, "IDR")).startsWith("must be a decimal string");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parsePositive_whenNoText_expectRefused(String text) {
        assertThat(reason(text, "IDR")).startsWith("must be a decimal string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"idr", "IDRX", "ID", "XYZ", "", "USDT", " IDR"})
    void parsePositive_whenNotACurrency_expectRefused(String currency) {
        assertThat(reason("1.00", currency)).isEqualTo("not an ISO-4217 currency code");
    }

    @Test
    void parsePositive_whenCurrencyNull_expectRefused() {
        assertThat(reason("1.00", null)).isEqualTo("not an ISO-4217 currency code");
    }

    @Test
    void tryParsePositive_whenValid_expectTheMoney_andWhenNot_expectEmpty() {
        assertThat(DecimalAmount.tryParsePositive("150000.00", "IDR")).contains(new Money("IDR", 15_000_000));
        assertThat(DecimalAmount.tryParsePositive("1.001", "IDR")).isEmpty();
        assertThat(DecimalAmount.tryParsePositive("1", "nope")).isEmpty();
    }

    // ---- format

    @ParameterizedTest
    @CsvSource({
        "IDR, 15000000, 150000.00",
        "IDR, -15000000, -150000.00",
        "IDR, 0, 0.00",
        "IDR, 1, 0.01",
        "IDR, -1, -0.01",
        "JPY, 1500, 1500",
        "JPY, -1500, -1500",
        "BHD, 1234, 1.234",
        "USD, 100000000000000, 1000000000000.00",
    })
    void format_expectTheCurrencysDecimals(String currency, long minor, String text) {
        assertThat(DecimalAmount.format(new Money(currency, minor))).isEqualTo(text);
    }

    @Test
    void fractionDigits_expectIso4217MinorUnits_andZeroForCodesWithoutAny() {
        assertThat(DecimalAmount.fractionDigits("IDR")).isEqualTo(2);
        assertThat(DecimalAmount.fractionDigits("JPY")).isZero();
        assertThat(DecimalAmount.fractionDigits("BHD")).isEqualTo(3);
        assertThat(DecimalAmount.fractionDigits("XXX")).isZero();
    }

    @Property
    void format_thenParse_expectTheSameMoney(@ForAll("positiveMoney") Money money) {
        assertThat(DecimalAmount.parsePositive(DecimalAmount.format(money), money.currency()))
                .isEqualTo(new DecimalAmount.Parsed.Valid(money));
    }

    @Property
    void parse_thenFormat_expectTheCanonicalText(@ForAll("positiveMoney") Money money) {
        String canonical = DecimalAmount.format(money);
        Money parsed = valid(canonical, money.currency());
        assertThat(DecimalAmount.format(parsed)).isEqualTo(canonical);
        assertThat(new BigDecimal(canonical).scale()).isEqualTo(DecimalAmount.fractionDigits(money.currency()));
    }

    @Provide
    Arbitrary<Money> positiveMoney() {
        Arbitrary<String> currencies = Arbitraries.of("IDR", "USD", "JPY", "BHD", "CLF");
        return currencies.flatMap(currency -> {
            long max = DecimalAmount.MAX_MAJOR.movePointRight(DecimalAmount.fractionDigits(currency)).longValueExact();
            return Combinators.combine(Arbitraries.just(currency),
                    Arbitraries.longs().between(1, max).edgeCases(e -> e.includeOnly(1L, max)))
                    .as(Money::new);
        });
    }

    private static Money valid(String text, String currency) {
        DecimalAmount.Parsed parsed = DecimalAmount.parsePositive(text, currency);
        assertThat(parsed).as(text + " " + currency).isInstanceOf(DecimalAmount.Parsed.Valid.class);
        return ((DecimalAmount.Parsed.Valid) parsed).money();
    }

    private static String reason(String text, String currency) {
        DecimalAmount.Parsed parsed = DecimalAmount.parsePositive(text, currency);
        assertThat(parsed).as(text + " " + currency).isInstanceOf(DecimalAmount.Parsed.Invalid.class);
        return ((DecimalAmount.Parsed.Invalid) parsed).reason();
    }
}
