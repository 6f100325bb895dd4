package com.warroom.local;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a token lifetime: {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 such as {@code PT1H30M}. */
final class TtlConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    @Override
    public Duration convert(String value) {
        Duration ttl = parse(value.trim().toLowerCase(Locale.ROOT));
        if (ttl.isNegative() || ttl.isZero()) {
            throw new CommandLine.TypeConversionException("the lifetime must be positive, not '" + value + "'");
        }
        return ttl;
    }

    private static Duration parse(String value) {
        Matcher shortForm = SHORT.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a lifetime such as 90s, 30m, 12h or 7d");
        }
    }
}
