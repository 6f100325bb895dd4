package com.warroom.support.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.money.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WordingTest {

    private static String[] age(Duration duration) {
        Values values = Wording.age(new Values(), "age", duration);
        return new String[] {values.get("age", Language.INDONESIAN), values.get("age", Language.ENGLISH)};
    }

    private static String[] money(Money money) {
        Values values = Wording.money(new Values(), "amount", money);
        return new String[] {values.get("amount", Language.INDONESIAN), values.get("amount", Language.ENGLISH)};
    }

    @Test
    void age_whenMinutesHoursDays_wordsThemPerLanguage() {
        assertThat(age(Duration.ofSeconds(59))).containsExactly("kurang dari satu menit", "less than a minute");
        assertThat(age(Duration.ofMinutes(1))).containsExactly("1 menit", "1 minute");
        assertThat(age(Duration.ofMinutes(40))).containsExactly("40 menit", "40 minutes");
        assertThat(age(Duration.ofMinutes(61))).containsExactly("1 jam 1 menit", "1 hour 1 minute");
        assertThat(age(Duration.ofHours(2))).containsExactly("2 jam", "2 hours");
        assertThat(age(Duration.ofDays(3).plusHours(4).plusMinutes(59))).containsExactly("3 hari 4 jam", "3 days 4 hours");
    }

    @Test
    void age_whenNegative_isLessThanAMinute() {
        assertThat(age(Duration.ofMinutes(-5))).containsExactly("kurang dari satu menit", "less than a minute");
    }

    @Test
    void money_whenCurrencyOrAsset_groupsPerLanguageAndDropsAssetZeros() {
        assertThat(money(new Money("IDR", 15_000_000L))).containsExactly("150.000,00 IDR", "150,000.00 IDR");
        assertThat(money(new Money("USDC", 12_500_000L))).containsExactly("12,50 USDC", "12.50 USDC");
        assertThat(money(new Money("USDC", 1_234_567_891L))).containsExactly("1.234,567891 USDC", "1,234.567891 USDC");
        assertThat(money(new Money("ETH", 50_000_000L))).containsExactly("0,05 ETH", "0.05 ETH");
        assertThat(money(new Money("JPY", 1500L))).containsExactly("1.500 JPY", "1,500 JPY");
    }

    @Test
    void time_isUtcToTheMinute() {
        assertThat(Wording.time(Instant.parse("2026-12-01T09:05:59.999Z"))).isEqualTo("2026-12-01 09:05 UTC");
    }
}
