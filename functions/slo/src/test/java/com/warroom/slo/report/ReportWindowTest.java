package com.warroom.slo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The weekly report's window: the seven days before Monday 08:00 in Asia/Jakarta (UTC+7, 01:00 UTC). */
class ReportWindowTest {

    private static final Instant MONDAY_0800_JAKARTA = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void weekBefore_whenTheScheduleFiresOnMondayAt0800Jakarta_isTheSevenDaysBefore() {
        ReportWindow window = ReportWindow.weekBefore(MONDAY_0800_JAKARTA);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
        assertThat(window.to()).isEqualTo(MONDAY_0800_JAKARTA);
    }

    @Test
    void weekBefore_whenRunLaterThatWeek_isStillTheSameWeek() {
        assertThat(ReportWindow.weekBefore(Instant.parse("2026-12-06T16:59:59Z"))).as("Sunday 23:59:59 in Jakarta")
                .isEqualTo(ReportWindow.weekBefore(MONDAY_0800_JAKARTA));
    }

    @Test
    void weekBefore_whenAMinuteBeforeMonday0800Jakarta_isTheWeekBefore() {
        // Monday 07:59 in Jakarta is Monday 00:59 UTC
        ReportWindow window = ReportWindow.weekBefore(Instant.parse("2026-11-30T00:59:00Z"));

        assertThat(window.to()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void weekBefore_whenMondayInUtcIsStillSundayInJakarta_usesJakartasDay() {
        // 2026-11-29T20:00Z is Monday 03:00 in Jakarta, before 08:00: the week that ended on the Monday before
        assertThat(ReportWindow.weekBefore(Instant.parse("2026-11-29T20:00:00Z")).to()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
        // and 2026-11-30T01:00Z on is the week ending then
        assertThat(ReportWindow.weekBefore(Instant.parse("2026-11-30T01:00:00Z")).to()).isEqualTo(MONDAY_0800_JAKARTA);
    }

    @Test
    void lastSevenDays_endsAtTheEndOfTheCurrentHour() {
        ReportWindow window = ReportWindow.lastSevenDays(Instant.parse("2026-12-01T10:17:42Z"));

        assertThat(window.to()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(window.wholeHours()).isTrue();
    }
}
