package com.warroom.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @ParameterizedTest
    @CsvSource({"rate(1 minute), PT1M", "rate(5 minutes), PT5M", "rate(1 hour), PT1H", "rate(12 hours), PT12H",
        "rate(1 day), PT24H", "rate(2 days), PT48H", "' rate( 5  minutes ) ', PT5M"})
    void parse_whenARate_keepsItsDuration(String text, Duration every) {
        ScheduleExpression expression = ScheduleExpression.parse(text);

        assertThat(expression).isInstanceOfSatisfying(ScheduleExpression.Rate.class, rate -> assertThat(rate.every()).isEqualTo(every));
        assertThat(expression.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate(1 minutes) | say rate(1 minute) or rate(N minutes): rate(1 minutes)",
        "rate(5 hour)    | say rate(1 hour) or rate(N hours): rate(5 hour)",
        "rate(2 day)     | say rate(1 day) or rate(N days): rate(2 day)"})
    void parse_whenARateMixesSingularAndPlural_saysHowToWriteIt(String text, String message) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "every 5 minutes            | a schedule expression is rate(...) or cron(...)",
        "''                         | a schedule expression is rate(...) or cron(...)",
        "at(2026-12-01T00:00:00)    | a schedule expression is rate(...) or cron(...)",
        "rate(0 minutes)            | not a rate expression",
        "rate(5 weeks)              | not a rate expression",
        "rate(-1 minutes)           | not a rate expression",
        "rate(1.5 hours)            | not a rate expression",
        "cron(0 12 * * *)           | a cron expression has 6 fields",
        "cron(0 12 * * ? * *)       | a cron expression has 6 fields",
        "cron()                     | a cron expression has 6 fields",
        "cron(0 12 * * * *)         | exactly one of day-of-month and day-of-week is '?'",
        "cron(0 12 ? * ? *)         | exactly one of day-of-month and day-of-week is '?'",
        "cron(60 12 * * ? *)        | minutes: 60 is outside 0-59",
        "cron(0 24 * * ? *)         | hours: 24 is outside 0-23",
        "cron(0 12 0 * ? *)         | day-of-month: 0 is outside 1-31",
        "cron(0 12 32 * ? *)        | day-of-month: 32 is outside 1-31",
        "cron(0 12 * 13 ? *)        | month: 13 is outside 1-12",
        "cron(0 12 ? * 0 *)         | day-of-week: 0 is outside 1-7",
        "cron(0 12 ? * 8 *)         | day-of-week: 8 is outside 1-7",
        "cron(0 12 * * ? 1969)      | year: 1969 is outside 1970-2199",
        "cron(0 12 * * ? 2200)      | year: 2200 is outside 1970-2199",
        "cron(30-10 * * * ? *)      | minutes: a range runs low to high: 30-10",
        "cron(*/0 * * * ? *)        | minutes: 0 is outside 1-60",
        "cron(1-2-3 * * * ? *)      | minutes: not a range: 1-2-3",
        "cron(0 12 1,,15 * ? *)     | day-of-month: '' is not supported",
        "cron(0 12 ? * MONDAY *)    | day-of-week: 'MONDAY' is not supported",
        "cron(0 12 * JANUARY ? *)   | month: 'JANUARY' is not supported",
        "cron(? 12 * * ? *)         | minutes: '?' is not supported"})
    void parse_whenMalformed_refusesSayingWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    // L, W and # mean last / weekday-nearest / nth-weekday in EventBridge; refused rather than read as something else
    @ParameterizedTest
    @ValueSource(strings = {"cron(0 12 L * ? *)", "cron(0 12 15W * ? *)", "cron(0 12 LW * ? *)", "cron(0 12 ? * 6#3 *)",
        "cron(0 12 ? * 6L *)", "cron(0 12 ? * L *)", "cron(0 12 ? * FRI#1 *)"})
    void parse_whenLastWeekdayOrNthForms_refusesThem(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("day-of-(month|week): '[^']+' is not supported \\(numbers, names, \\*, ranges, lists and steps are\\)");
    }

    @Test
    void nextAfter_forARate_addsAFixedDurationWhateverTheClocksDo() {
        ScheduleExpression daily = ScheduleExpression.parse("rate(1 day)");
        Instant beforeSpringForward = Instant.parse("2026-03-07T12:00:00Z");

        assertThat(daily.nextAfter(beforeSpringForward, NEW_YORK)).isEqualTo("2026-03-08T12:00:00Z");
        assertThat(ScheduleExpression.parse("rate(5 minutes)").nextAfter(Instant.parse("2026-11-30T10:07:13Z"), UTC))
                .isEqualTo("2026-11-30T10:12:13Z");
    }

    @ParameterizedTest
    @CsvSource({
        // expression, zone, after, next
        "cron(0/15 * * * ? *),     UTC,              2026-11-30T10:07:00Z, 2026-11-30T10:15:00Z",
        "cron(5/15 * * * ? *),     UTC,              2026-11-30T10:50:00Z, 2026-11-30T11:05:00Z",
        "cron(0 12 * * ? *),       UTC,              2026-11-30T12:00:00Z, 2026-12-01T12:00:00Z",
        "cron(0 9 ? * MON-FRI *),  UTC,              2026-11-27T10:00:00Z, 2026-11-30T09:00:00Z",
        "cron(0 9 ? * 2-6 *),      UTC,              2026-11-27T10:00:00Z, 2026-11-30T09:00:00Z",
        "cron(0 9 ? * SUN *),      UTC,              2026-11-27T10:00:00Z, 2026-11-29T09:00:00Z",
        "'cron(0 12 1 JAN,JUL ? *)', UTC,              2026-11-30T00:00:00Z, 2027-01-01T12:00:00Z",
        "cron(0 0 29 2 ? *),       UTC,              2026-01-01T00:00:00Z, 2028-02-29T00:00:00Z",
        "cron(0 8 * * ? 2027),     UTC,              2026-11-30T00:00:00Z, 2027-01-01T08:00:00Z",
        "cron(0 8 31 * ? *),       UTC,              2026-11-01T00:00:00Z, 2026-12-31T08:00:00Z",
        "cron(0 9 ? * MON-FRI *),  America/New_York, 2026-11-30T13:00:00Z, 2026-11-30T14:00:00Z",
        "cron(0 9 ? * MON-FRI *),  America/New_York, 2026-07-01T13:00:00Z, 2026-07-02T13:00:00Z",
        "cron(30 0 * * ? *),       Asia/Jakarta,     2026-11-30T12:00:00Z, 2026-11-30T17:30:00Z",
        "cron(30 0 * * ? *),       Asia/Jakarta,     2026-11-30T17:30:00Z, 2026-12-01T17:30:00Z"})
    void nextAfter_forACron_isTheFirstMatchingTimeInTheZoneStrictlyAfter(String expression, String zone, Instant after, Instant next) {
        assertThat(ScheduleExpression.parse(expression).nextAfter(after, ZoneId.of(zone))).isEqualTo(next);
    }

    @Test
    void nextAfter_whenTheClocksGoForward_skipsTheLocalTimeThatDoesNotExist() {
        ScheduleExpression twoThirty = ScheduleExpression.parse("cron(30 2 * * ? *)");

        // 2026-03-08 02:30 does not exist in New York (02:00 EST -> 03:00 EDT)
        assertThat(local(twoThirty.nextAfter(Instant.parse("2026-03-07T07:30:00Z"), NEW_YORK)))
                .isEqualTo("2026-03-09T02:30");
        assertThat(runs("cron(0 * * * ? *)", NEW_YORK, Instant.parse("2026-03-08T05:30:00Z"), 3).stream().map(ScheduleExpressionTest::local))
                .containsExactly(LocalDateTime.parse("2026-03-08T01:00"), LocalDateTime.parse("2026-03-08T03:00"),
                        LocalDateTime.parse("2026-03-08T04:00"));
    }

    @Test
    void nextAfter_whenTheClocksGoBack_firesARepeatedLocalTimeOnceAtItsFirstOccurrence() {
        // 2026-11-01 01:00-01:59 happens twice in New York: first EDT (-04:00), then EST (-05:00)
        assertThat(runs("cron(30 1 * * ? *)", NEW_YORK, Instant.parse("2026-11-01T04:00:00Z"), 2))
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(runs("cron(0 * * * ? *)", NEW_YORK, Instant.parse("2026-11-01T04:30:00Z"), 3))
                .containsExactly(Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T07:00:00Z"),
                        Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(45 1 * * ? *)").nextAfter(Instant.parse("2026-11-01T06:10:00Z"), NEW_YORK))
                .as("after the first 01:45, during the repeated hour").isEqualTo("2026-11-02T06:45:00Z");
    }

    @Test
    void nextAfter_forJakarta_isHalfPastMidnightLocalEveryDay() {
        assertThat(runs("cron(30 0 * * ? *)", JAKARTA, Instant.parse("2026-03-07T00:00:00Z"), 3))
                .containsExactly(Instant.parse("2026-03-07T17:30:00Z"), Instant.parse("2026-03-08T17:30:00Z"),
                        Instant.parse("2026-03-09T17:30:00Z"));
    }

    @Test
    void nextAfter_whenNoTimeIsLeft_saysSo() {
        ScheduleExpression past = ScheduleExpression.parse("cron(0 0 1 1 ? 1999)");

        assertThatThrownBy(() -> past.nextAfter(Instant.parse("2026-11-30T00:00:00Z"), UTC))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fires no more");
    }

    private static List<Instant> runs(String expression, ZoneId zone, Instant after, int count) {
        ScheduleExpression parsed = ScheduleExpression.parse(expression);
        List<Instant> runs = new ArrayList<>();
        Instant at = after;
        for (int i = 0; i < count; i++) {
            at = parsed.nextAfter(at, zone);
            runs.add(at);
        }
        return runs;
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, NEW_YORK);
    }
}
