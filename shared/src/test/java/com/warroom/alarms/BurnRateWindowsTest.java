package com.warroom.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurnRateWindowsTest {

    @Test
    void sreWorkbook_whenListed_isTheFourAlertsOfTheWorkbookAndSloth() {
        assertThat(BurnRateWindows.SRE_WORKBOOK).extracting(w -> w.severity() + " " + w.factorLabel() + " "
                        + BurnRateWindows.label(w.longWindow()) + "/" + BurnRateWindows.label(w.shortWindow()))
                .containsExactly("PAGE 14.4x 1h/5m", "PAGE 6x 6h/30m", "TICKET 3x 1d/2h", "TICKET 1x 3d/6h");
    }

    @Test
    void threshold_whenTheObjectiveIs999_isTheFactorTimesOneInAThousand() {
        BigDecimal objective = new BigDecimal("0.999");

        assertThat(BurnRateWindows.SRE_WORKBOOK).extracting(w -> w.threshold(objective).toPlainString())
                .containsExactly("0.0144", "0.006", "0.003", "0.001");
    }

    @Test
    void threshold_whenTheObjectiveIs995_isTheFactorTimesFiveInAThousand() {
        BigDecimal objective = new BigDecimal("0.995");

        assertThat(BurnRateWindows.SRE_WORKBOOK).extracting(w -> w.threshold(objective).toPlainString())
                .containsExactly("0.072", "0.03", "0.015", "0.005");
    }

    @Test
    void threshold_whenTheObjectiveIsNotARatioBelowOne_isRefused() {
        BurnRateWindows page = BurnRateWindows.SRE_WORKBOOK.getFirst();

        for (String bad : new String[] {"1", "0", "1.5", "-0.1"}) {
            assertThatThrownBy(() -> page.threshold(new BigDecimal(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void windows_whenTheShortOneIsNotShorter_areRefused() {
        assertThatThrownBy(() -> new BurnRateWindows(BurnRateWindows.Severity.PAGE, BigDecimal.TEN, Duration.ofHours(1),
                Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BurnRateWindows(BurnRateWindows.Severity.PAGE, BigDecimal.ZERO, Duration.ofHours(1),
                Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
