package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.observability.MetricPoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Alarms page and the Daily Ops summary over the local alarm evaluation: an alarm fires from the runner's metric
 * file, shows with its owner and runbook, and a test alert answers its message id.
 */
class AlarmsPageTest extends ConsoleBrowserTest {

    @Test
    void alarmsPage_showsAFiringAlarmWithItsOwnerAndRunbook_andSendsATestAlert() throws Exception {
        // three failed payouts now, as the payout worker counts them: Warroom-payout-failures fires (>= 3 in 15 minutes)
        for (int i = 0; i < 3; i++) {
            emit(new MetricPoint("Warroom", "PayoutFailed", Map.of("Service", "payout-worker"), 1, Instant.now()));
        }
        Browser browser = newBrowser(Browser.LAPTOP).signIn("olga", "ops").open("/alarms");

        browser.waitFor(By.cssSelector("#alarms tr[data-name='Warroom-payout-failures']"));
        WebElement failures = browser.driver().findElement(By.cssSelector("#alarms tr[data-name='Warroom-payout-failures']"));
        assertThat(failures.getDomAttribute("data-state")).isEqualTo("ALARM");
        assertThat(failures.getText()).contains("ALARM", "ops", ">= 3");
        assertThat(failures.findElement(By.cssSelector("td[data-label='Runbook'] a")).getDomAttribute("href"))
                .endsWith("README.md#payout-failures-metric-payoutfailed-alarm-warroom-payout-failures");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#alarms tbody tr"));
        assertThat(rows.getFirst().getDomAttribute("data-state")).as("ALARM first").isEqualTo("ALARM");
        assertThat(browser.driver().findElement(By.id("alarms-summary")).getText()).contains("in ALARM");
        WebElement dlq = browser.driver().findElement(By.cssSelector("#alarms tr[data-name='Warroom-payouts-dlq-not-empty']"));
        assertThat(dlq.getDomAttribute("data-state")).isEqualTo("OK");

        browser.driver().findElement(By.id("send-test-alert")).click();
        browser.waitForText(By.id("test-alert-result"), "message id");
        String messageId = browser.driver().findElement(By.cssSelector("#test-alert-result code")).getText();
        assertThat(messageId).isNotBlank();
        assertThat(warroom.auditEntries("alerts").toString()).contains(messageId);
        browser.screenshot("alarms-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        Browser phone = newBrowser(Browser.PHONE).signIn("olga", "ops").open("/alarms");
        phone.waitFor(By.cssSelector("#alarms tr[data-name='Warroom-payout-failures']"));
        assertThat(phone.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        phone.screenshot("alarms-phone");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void dailyOps_saysHowManyAlarmsAreInAlarm_andWhich() throws Exception {
        for (int i = 0; i < 3; i++) {
            emit(new MetricPoint("Warroom", "PayoutFailed", Map.of("Service", "payout-worker"), 1, Instant.now()));
        }
        Browser browser = newBrowser(Browser.PHONE).signIn("fina", "finance").open("/daily-ops");

        browser.waitForText(By.id("ops-alarms-summary"), "in ALARM");
        assertThat(browser.driver().findElement(By.id("ops-alarms-summary")).getText()).contains("Warroom-payout-failures");
        browser.scrollTo(By.id("ops-alarms"));
        browser.screenshot("daily-ops-alarms-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aRoleThatMayNotReadAlarms_seesWhoMay_andNoTestButton() throws Exception {
        Browser browser = newBrowser(Browser.LAPTOP).signIn("sam", "support").open("/alarms");

        browser.waitFor(By.cssSelector(".who-may"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("403", "ops, finance and super_admin");
        assertThat(browser.driver().findElements(By.id("send-test-alert"))).isEmpty();
        browser.screenshot("alarms-forbidden-laptop");
    }

    // what the runner's recorder writes for a metric a function emitted
    private static void emit(MetricPoint point) throws Exception {
        Path file = warroom.dataDir().resolve("metrics").resolve("points.jsonl");
        Files.writeString(file, point.toJsonLine() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
