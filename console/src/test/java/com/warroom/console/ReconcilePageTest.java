package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.reconcile.check.Risk;
import com.warroom.reconcile.findings.Finding;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Reconcile page in a real browser, against ./warroom up: a run's report, findings by risk acknowledged with a
 * ticket, the start button (locally there is no reconcile workflow yet: the run is recorded FAILED and says why), Daily
 * Ops' reconcile status, and who may see it.
 */
class ReconcilePageTest extends ConsoleBrowserTest {

    private Browser browser;

    private static String checkName() {
        return "console-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCompletedRun_opensItsReport_andItsHighFindingIsAcknowledgedWithATicket() throws Exception {
        String check = checkName();
        String runId = ReconcileRuns.completedRun(check, List.of(
                new ReconcileRuns.Mismatch("payout P-" + check + " paid twice", Risk.HIGH, "1 payout of 25 USDC", "2 payouts of 25 USDC"),
                new ReconcileRuns.Mismatch("account fees:" + check, Risk.MEDIUM, "10.00 USDC", "9.50 USDC")));
        String high = Finding.id(check, "payout P-" + check + " paid twice");

        browser = newBrowser(Browser.LAPTOP).signIn("rita", "ops").open("/reconcile");
        WebElement row = browser.waitFor(By.cssSelector("#runs tr[data-run-id='" + runId + "']"));
        assertThat(row.getText()).contains("Completed").contains("2").contains("1 HIGH, 1 MEDIUM, 0 LOW").contains("user:console-test");
        browser.screenshot("reconcile-runs-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        row.findElement(By.cssSelector("a.open-report")).click();
        WebElement frame = browser.waitFor(By.id("report-frame"));
        browser.driver().switchTo().frame(frame);
        browser.waitForText(By.id("summary"), check);
        String report = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(browser.driver().findElement(By.cssSelector("#summary td")).getCssValue("border-top-style"))
                .as("the console's stylesheet for the report applies in the frame").isEqualTo("solid");
        assertThat(report).contains("HIGH risk (1)").contains("MEDIUM risk (1)").contains("LOW risk (0)")
                .contains("2 payouts of 25 USDC").contains("ESCALATE").contains("#reconcile-" + check);
        browser.driver().switchTo().defaultContent();
        browser.screenshot("reconcile-report-laptop");

        browser.open("/reconcile?status=OPEN&risk=HIGH");
        WebElement finding = browser.waitFor(By.cssSelector("li.finding[data-finding-id='" + high + "']"));
        assertThat(finding.getText()).contains("HIGH").contains("Open").contains("2 payouts of 25 USDC").contains("ESCALATE");
        assertThat(browser.all(By.cssSelector("li.finding[data-risk='MEDIUM']"))).isEmpty();
        WebElement acknowledge = finding.findElement(By.cssSelector("button.acknowledge"));
        assertThat(acknowledge.isEnabled()).as("no ticket yet").isFalse();
        finding.findElement(By.cssSelector("input.ticket")).sendKeys("INC-4242");
        browser.scrollTo(By.cssSelector("li.finding[data-finding-id='" + high + "']"));
        browser.screenshot("reconcile-finding-laptop");
        acknowledge.click();

        browser.waitForText(By.cssSelector("li.finding[data-finding-id='" + high + "'] .ticket-ref"), "INC-4242");
        assertThat(browser.driver().findElement(By.cssSelector("li.finding[data-finding-id='" + high + "']")).getText())
                .contains("Acknowledged").contains("by rita");
        assertThat(browser.all(By.cssSelector("li.finding[data-finding-id='" + high + "'] button.acknowledge"))).isEmpty();
        JsonNode stored = warroom.call("GET", "/v1/admin/reconcile/findings?status=ACKNOWLEDGED&limit=100", null, warroom.token("aud", "ops"))
                .body().path("items");
        assertThat(stored.findValuesAsText("findingId")).contains(high);
        assertThat(warroom.auditEntries("reconcile-finding:" + high)).hasSize(1);
        browser.screenshot("reconcile-acknowledged-laptop");
    }

    @Test
    void onAPhone_theFindingsAreFilteredByRisk_withoutSidewaysScrolling() throws Exception {
        String check = checkName();
        ReconcileRuns.completedRun(check, List.of(new ReconcileRuns.Mismatch("round R-" + check, Risk.LOW, "3 contributors", "2 contributors")));

        browser = newBrowser(Browser.PHONE).signIn("finn", "finance").open("/reconcile?risk=LOW");
        browser.waitFor(By.cssSelector("li.finding[data-finding-id='" + Finding.id(check, "round R-" + check) + "']"));
        assertThat(browser.all(By.cssSelector("li.finding")).stream().map(f -> f.getDomAttribute("data-risk")).distinct().toList())
                .containsExactly("LOW");
        assertThat(browser.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        browser.scrollTo(By.id("findings-title"));
        browser.screenshot("reconcile-findings-phone");
        browser.scrollTo(By.id("runs"));
        browser.screenshot("reconcile-runs-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void startingARun_runsTheWorkflowLocally_andListsTheRunCompletedWithItsReport() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("sam", "super_admin").open("/reconcile");
        browser.waitFor(By.id("start-run")).click();

        browser.waitForText(By.id("run-started"), "started");
        String runId = browser.driver().findElement(By.cssSelector("#run-started code")).getText();
        By row = By.cssSelector("#runs tr[data-run-id='" + runId + "']");
        browser.waitForText(row, "Completed");
        assertThat(browser.driver().findElement(row).getText()).contains("user:sam").contains("Open report");
        browser.screenshot("reconcile-start-laptop");
    }

    @Test
    void dailyOps_showsTodaysRunAndTheOpenFindingsByRisk() throws Exception {
        String check = checkName();
        ReconcileRuns.completedRun(check, List.of(new ReconcileRuns.Mismatch("payout Q-" + check, Risk.HIGH, "1", "2")));

        browser = newBrowser(Browser.PHONE).signIn("olive", "ops").open("/daily-ops");

        browser.waitForText(By.id("ops-reconcile-run"), "Today's run");
        assertThat(browser.driver().findElement(By.id("ops-reconcile-run")).getText()).contains("Completed").contains("HIGH");
        browser.waitForText(By.id("ops-reconcile-open"), "open HIGH");
        assertThat(browser.driver().findElement(By.id("ops-reconcile-open")).getText()).contains("Open HIGH findings")
                .contains("Open MEDIUM findings").contains("Open LOW findings");
        browser.scrollTo(By.id("ops-reconcile"));
        browser.screenshot("daily-ops-reconcile-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void support_seesWhoMayUseReconcile() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("sue", "support").open("/reconcile");
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText())
                .isEqualTo("Reconcile runs and findings are read, started and acknowledged by ops, finance and super_admin.");
        assertThat(browser.all(By.id("start-run"))).isEmpty();
        browser.screenshot("reconcile-support-phone");
    }
}
