package com.warroom.topology;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler expression, {@code rate(5 minutes)} or {@code cron(30 0 * * ? *)}, and when it fires next.
 * Cron fields are minutes, hours, day-of-month, month, day-of-week (1 = SUN, or SUN-SAT) and year; one of the two day
 * fields is {@code ?}. Supported: numbers, names, {@code *}, {@code ?}, lists, ranges and {@code /} steps; the
 * {@code L}, {@code W} and {@code #} forms are refused so that a schedule never means something else locally.
 *
 * <p>Time zones as EventBridge Scheduler applies them: a cron time that does not exist on the day the clocks go
 * forward is skipped; a time that occurs twice when they go back fires once, at its first occurrence. A rate is a
 * fixed duration (a day is 24 hours whatever the clocks do).
 */
public sealed interface ScheduleExpression {

    /** The expression as EventBridge Scheduler takes it. */
    String text();

    /** The first firing strictly after {@code after}; for a rate, {@code after} is taken as the last firing. */
    Instant nextAfter(Instant after, ZoneId zone);

    static ScheduleExpression parse(String text) {
        String t = text.strip();
        if (t.startsWith("rate(") && t.endsWith(")")) {
            return Rate.parse(t);
        }
        if (t.startsWith("cron(") && t.endsWith(")")) {
            return Cron.parse(t);
        }
        throw new IllegalArgumentException("a schedule expression is rate(...) or cron(...): " + text);
    }

    /** {@code rate(value unit)}, unit minute(s), hour(s) or day(s). */
    record Rate(String text, Duration every) implements ScheduleExpression {

        private static final Pattern RATE = Pattern.compile("rate\\(\\s*([1-9][0-9]{0,6})\\s+(minutes?|hours?|days?)\\s*\\)");

        static Rate parse(String text) {
            Matcher m = RATE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a rate expression (rate(5 minutes), rate(1 hour), rate(2 days)): " + text);
            }
            long value = Long.parseLong(m.group(1));
            String unit = m.group(2);
            String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
            if ((value == 1) != unit.equals(singular)) {
                throw new IllegalArgumentException("say rate(1 " + singular + ") or rate(N " + singular + "s): " + text);
            }
            Duration every = switch (unit.charAt(0)) {
                case 'm' -> Duration.ofMinutes(value);
                case 'h' -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(text, every);
        }

        @Override
        public Instant nextAfter(Instant after, ZoneId zone) {
            return after.plus(every);
        }
    }

    /** {@code cron(minutes hours day-of-month month day-of-week year)}. */
    record Cron(String text, BitSet minutes, BitSet hours, Optional<BitSet> daysOfMonth, BitSet months,
                Optional<BitSet> daysOfWeek, BitSet years) implements ScheduleExpression {

        private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        private static final int FIRST_YEAR = 1970;
        private static final int LAST_YEAR = 2199;

        static Cron parse(String text) {
            String[] fields = text.substring("cron(".length(), text.length() - 1).strip().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("a cron expression has 6 fields (minutes hours day-of-month month day-of-week year): " + text);
            }
            boolean anyDom = fields[2].equals("?");
            boolean anyDow = fields[4].equals("?");
            if (anyDom == anyDow) {
                throw new IllegalArgumentException("exactly one of day-of-month and day-of-week is '?': " + text);
            }
            return new Cron(text,
                    field(fields[0], "minutes", 0, 59, List.of()),
                    field(fields[1], "hours", 0, 23, List.of()),
                    anyDom ? Optional.empty() : Optional.of(field(fields[2], "day-of-month", 1, 31, List.of())),
                    field(fields[3], "month", 1, 12, MONTHS),
                    anyDow ? Optional.empty() : Optional.of(field(fields[4], "day-of-week", 1, 7, DAYS)),
                    field(fields[5], "year", FIRST_YEAR, LAST_YEAR, List.of()));
        }

        private static BitSet field(String text, String name, int min, int max, List<String> names) {
            BitSet values = new BitSet();
            for (String part : text.split(",", -1)) {
                String range = part;
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = number(part.substring(slash + 1), name, 1, max - min + 1, List.of(), 0);
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] ends = range.split("-", -1);
                    if (ends.length != 2) {
                        throw new IllegalArgumentException(name + ": not a range: " + part);
                    }
                    from = number(ends[0], name, min, max, names, min);
                    to = number(ends[1], name, min, max, names, min);
                    if (to < from) {
                        throw new IllegalArgumentException(name + ": a range runs low to high: " + part);
                    }
                } else {
                    from = number(range, name, min, max, names, min);
                    to = slash >= 0 ? max : from;
                }
                for (int v = from; v <= to; v += step) {
                    values.set(v);
                }
            }
            return values;
        }

        private static int number(String text, String name, int min, int max, List<String> names, int namesStart) {
            int named = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (named >= 0) {
                return namesStart + named;
            }
            if (!text.matches("[0-9]{1,4}")) {
                throw new IllegalArgumentException(name + ": '" + text + "' is not supported (numbers, names, *, ranges, lists and steps are)");
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + ": " + value + " is outside " + min + "-" + max);
            }
            return value;
        }

        @Override
        public Instant nextAfter(Instant after, ZoneId zone) {
            ZonedDateTime from = after.atZone(zone);
            LocalDate day = from.toLocalDate();
            LocalDate last = LocalDate.of(LAST_YEAR, 12, 31);
            while (!day.isAfter(last)) {
                if (!years.get(day.getYear())) {
                    day = LocalDate.of(day.getYear() + 1, 1, 1);
                    continue;
                }
                if (!months.get(day.getMonthValue())) {
                    day = day.withDayOfMonth(1).plusMonths(1);
                    continue;
                }
                if (dayMatches(day)) {
                    Optional<Instant> at = firstTimeOn(day, after, zone);
                    if (at.isPresent()) {
                        return at.get();
                    }
                }
                day = day.plusDays(1);
            }
            throw new IllegalStateException(text + " fires no more before " + LAST_YEAR);
        }

        private boolean dayMatches(LocalDate day) {
            if (daysOfMonth.isPresent()) {
                return daysOfMonth.get().get(day.getDayOfMonth());
            }
            // cron counts SUN as 1; java.time counts MON as 1
            int cronDay = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1;
            return daysOfWeek.orElseThrow().get(cronDay);
        }

        private Optional<Instant> firstTimeOn(LocalDate day, Instant after, ZoneId zone) {
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    LocalDateTime local = LocalDateTime.of(day, LocalTime.of(h, m));
                    var offsets = zone.getRules().getValidOffsets(local);
                    if (offsets.isEmpty()) {
                        continue; // the clocks jumped over this time: skipped, as EventBridge Scheduler does
                    }
                    // a repeated local time fires once, at its first (earlier-offset) occurrence
                    Instant at = local.toInstant(offsets.get(0));
                    if (at.isAfter(after)) {
                        return Optional.of(at);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
