package com.warroom.slo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.alarms.Owner;
import com.warroom.slo.SliSource;
import com.warroom.slo.Slo;
import com.warroom.slo.SloKind;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SLI math: the ratio, the error budget left, the status; exact decimals throughout. */
class SliTest {

    private static Slo slo(String objective) {
        return new Slo("api-availability-test", "Test availability", SloKind.API_AVAILABILITY, new BigDecimal(objective),
                Duration.ofDays(30), new SliSource.ApiRequests("admin"), Owner.BACKEND, "slo-api-availability");
    }

    @Test
    void of_whenNothingCounted_isNoDataWithoutRatioOrBudget() {
        Sli sli = Sli.of(slo("0.999"), 0, 0);

        assertThat(sli.status()).isEqualTo(SliStatus.NO_DATA);
        assertThat(sli.actual()).isEmpty();
        assertThat(sli.errorBudgetRemaining()).isEmpty();
    }

    @Test
    void of_whenEveryEventGood_isMetWithTheWholeBudget() {
        Sli sli = Sli.of(slo("0.999"), 1200, 1200);

        assertThat(sli.actual()).contains(new BigDecimal("1.000000"));
        assertThat(sli.errorBudgetRemaining()).contains(new BigDecimal("1.000000"));
        assertThat(sli.status()).isEqualTo(SliStatus.MET);
    }

    @Test
    void of_whenHalfTheBudgetSpent_isMetWithHalfLeft() {
        // 0.999 over 10,000 requests allows 10 bad ones; 5 spent half
        Sli sli = Sli.of(slo("0.999"), 9995, 10_000);

        assertThat(sli.actual()).contains(new BigDecimal("0.999500"));
        assertThat(sli.errorBudgetRemaining()).contains(new BigDecimal("0.500000"));
        assertThat(sli.status()).isEqualTo(SliStatus.MET);
    }

    @Test
    void of_whenLessThanAQuarterOfTheBudgetLeft_isAtRisk() {
        Sli sli = Sli.of(slo("0.999"), 9992, 10_000);

        assertThat(sli.errorBudgetRemaining()).contains(new BigDecimal("0.200000"));
        assertThat(sli.status()).isEqualTo(SliStatus.AT_RISK);
    }

    @Test
    void of_whenExactlyAtTheObjective_isAtRiskWithNothingLeft_notBreached() {
        Sli sli = Sli.of(slo("0.999"), 9990, 10_000);

        assertThat(sli.errorBudgetRemaining()).contains(new BigDecimal("0.000000"));
        assertThat(sli.status()).isEqualTo(SliStatus.AT_RISK);
    }

    @Test
    void of_whenBelowTheObjective_isBreachedWithTheBudgetOverspent() {
        // 4 good of 5: a fifth bad against a budget of 0.005 is 40 budgets spent
        Sli sli = Sli.of(slo("0.995"), 4, 5);

        assertThat(sli.actual()).contains(new BigDecimal("0.800000"));
        assertThat(sli.errorBudgetRemaining()).contains(new BigDecimal("-39.000000"));
        assertThat(sli.status()).isEqualTo(SliStatus.BREACHED);
    }

    @Test
    void of_whenTheRatioDoesNotEndInSixPlaces_roundsTheRatioDownAndTheBudgetDown() {
        Sli sli = Sli.of(slo("0.9"), 2, 3);

        assertThat(sli.actual()).contains(new BigDecimal("0.666666"));
        assertThat(sli.status()).isEqualTo(SliStatus.BREACHED);
    }

    @Test
    void of_whenGoodExceedsTotal_refuses() {
        assertThatThrownBy(() -> Sli.of(slo("0.9"), 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
