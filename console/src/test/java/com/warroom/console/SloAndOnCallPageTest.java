package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The SLO report page ("Run now" writes a report from the requests this stack has answered, shown with each SLI's
 * objective, actual, budget left and status in words) and the On-call card of Daily Ops (who is on call now per area,
 * the backup, the escalation), in real browsers against ./warroom up.
 */
class SloAndOnCallPageTest extends ConsoleBrowserTest {

    @Test
    void ops_runsTheSloReportNow_andReadsEachSliWithItsStatus() throws Exception {
        // requests for the report to count, as the platform and the console make them
        String token = warroom.token("olga", "ops");
        for (int i = 0; i < 5; i++) {
            assertThat(warroom.call("GET", "/v1/system-flags", null, token).status()).isEqualTo(200);
        }
        Browser browser = newBrowser(Browser.LAPTOP).signIn("olga", "ops").open("/slo");
        assertThat(browser.all(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList()).contains("SLO report", "Incidents");

        browser.waitFor(By.id("slo-run-now")).click();
        browser.waitFor(By.id("slo-ran"));
        browser.waitFor(By.cssSelector("#slo-slis tbody tr"));
        String reportId = browser.driver().findElement(By.id("slo-report")).getDomAttribute("data-report-id");
        JsonNode latest = warroom.call("GET", "/v1/slo/reports/latest", null, token).body();
        assertThat(latest.path("reportId").asText()).as("the report written is the latest").isEqualTo(reportId);
        List<WebElement> rows = browser.all(By.cssSelector("#slo-slis tbody tr"));
        assertThat(rows).hasSize(latest.path("slis").size());
        for (JsonNode sli : latest.path("slis")) {
            WebElement row = browser.driver().findElement(By.cssSelector("#slo-slis tr[data-sli='" + sli.path("id").asText() + "']"));
            assertThat(row.getDomAttribute("data-status")).isEqualTo(sli.path("status").asText());
            assertThat(row.getText()).as("its status in words, not only a colour").containsAnyOf("Met", "At risk", "Breached", "No data")
                    .contains(sli.path("name").asText()).contains("%");
        }
        assertThat(latest.path("slis").findValues("total").stream().mapToLong(JsonNode::asLong).sum())
                .as("real numbers from the requests made").isPositive();
        browser.screenshot("slo-report-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        Browser phone = newBrowser(Browser.PHONE).signIn("fina", "finance").open("/slo");
        phone.waitFor(By.cssSelector("#slo-slis tbody tr"));
        assertThat(phone.driver().findElement(By.id("slo-report")).getDomAttribute("data-report-id")).isEqualTo(reportId);
        assertThat(phone.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        phone.screenshot("slo-report-phone");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void support_hasNoSloReportInTheMenu_andIsToldWhoMayReadIt() throws Exception {
        Browser browser = newBrowser(Browser.LAPTOP).signIn("sam", "support").open("/slo");

        browser.waitFor(By.cssSelector(".who-may"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("403", "ops, finance and super_admin");
        assertThat(browser.all(By.id("slo-run-now"))).isEmpty();
        assertThat(browser.all(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList()).doesNotContain("SLO report");
        browser.screenshot("slo-forbidden-laptop");
    }

    @Test
    void dailyOps_showsWhoIsOnCallNow_perArea_withTheBackupAndTheEscalation() throws Exception {
        JsonNode now = warroom.call("GET", "/v1/oncall/now", null, warroom.token("olga", "ops")).body();
        assertThat(now.path("areas").size()).as(now.toString()).isPositive();

        for (String role : List.of("ops", "support")) {
            Browser browser = newBrowser(role.equals("ops") ? Browser.LAPTOP : Browser.PHONE).signIn("o-" + role, role).open("/daily-ops");
            browser.waitFor(By.id("oncall-areas"));
            for (JsonNode area : now.path("areas")) {
                WebElement line = browser.driver().findElement(By.cssSelector("#oncall-areas li[data-area='" + area.path("area").asText() + "']"));
                assertThat(line.findElement(By.cssSelector(".oncall-primary")).getText()).isEqualTo(area.path("primary").asText());
                if (!area.path("backup").asText().isEmpty()) {
                    assertThat(line.findElement(By.cssSelector(".oncall-backup")).getText()).isEqualTo(area.path("backup").asText());
                }
            }
            if (now.path("escalation").size() > 0) {
                assertThat(browser.driver().findElement(By.id("oncall-escalation")).getText())
                        .contains("after " + now.path("escalation").get(0).path("afterMinutes").asText() + " min");
            }
            assertThat(browser.scrollsSideways()).as("no sideways scrolling").isFalse();
            browser.scrollTo(By.id("ops-oncall"));
            browser.screenshot("daily-ops-oncall-" + role);
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        }
    }
}
