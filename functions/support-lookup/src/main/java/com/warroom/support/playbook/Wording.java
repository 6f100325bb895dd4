package com.warroom.support.playbook;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How facts read inside an answer: times in UTC to the minute, amounts with their unit, ages in words per language. */
final class Wording {

    private static final DecimalFormatSymbols ENGLISH_NUMBERS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
    private static final DecimalFormatSymbols INDONESIAN_NUMBERS = indonesianNumbers();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Wording() {
    }

    private static DecimalFormatSymbols indonesianNumbers() {
        // spelled out rather than taken from the JDK's locale data, which may differ between runtimes
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return symbols;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * Puts {@code name} as the amount with its unit, grouped as each language writes numbers ("150,000.00 IDR" /
     * "150.000,00 IDR"), without the trailing zeros of a crypto asset's many decimals ("12.50 USDC", not "12.500000").
     */
    static Values money(Values values, String name, Money money) {
        int digits = DecimalAmount.fractionDigits(money.currency());
        BigDecimal amount = BigDecimal.valueOf(money.minor(), digits).stripTrailingZeros();
        amount = amount.setScale(Math.max(amount.scale(), Math.min(2, digits)));
        return values.put(name, format(amount, INDONESIAN_NUMBERS) + " " + money.currency(),
                format(amount, ENGLISH_NUMBERS) + " " + money.currency());
    }

    private static String format(BigDecimal amount, DecimalFormatSymbols symbols) {
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        return format.format(amount);
    }

    /**
     * Puts {@code name} as an age in words: "2 hours 5 minutes" / "2 jam 5 menit"; under a minute, "less than a
     * minute".
     */
    static Values age(Values values, String name, Duration age) {
        Duration positive = age.isNegative() ? Duration.ZERO : age;
        long days = positive.toDays();
        long hours = positive.toHoursPart();
        long minutes = positive.toMinutesPart();
        if (days == 0 && hours == 0 && minutes == 0) {
            return values.put(name, "kurang dari satu menit", "less than a minute");
        }
        List<String> indonesian = new ArrayList<>();
        List<String> english = new ArrayList<>();
        if (days > 0) {
            indonesian.add(days + " hari");
            english.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            indonesian.add(hours + " jam");
            english.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        // past a day the minutes are noise
        if (minutes > 0 && days == 0) {
            indonesian.add(minutes + " menit");
            english.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return values.put(name, String.join(" ", indonesian), String.join(" ", english));
    }

    /** Puts {@code name} as the text, or "none yet" / "belum ada" when there is none. */
    static Values orNoneYet(Values values, String name, Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(t -> values.put(name, t)).orElseGet(() -> values.put(name, "belum ada", "none yet"));
    }
}
