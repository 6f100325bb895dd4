package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The approvals inbox and a request's page in real browsers, two people deciding, against ./warroom up. */
class ApprovalsInboxPageTest extends ConsoleBrowserTest {

    // a guard against a hang while the workflow applies a decision, not a timing assertion
    private static final Duration WORKFLOW_GUARD = Duration.ofSeconds(60);

    private Browser browser;
    private Browser second;

    @Test
    void reEnable_whenASuperAdminApprovesInTheInbox_theFlowIsAllowedAgain() throws Exception {
        String round = "A" + UUID.randomUUID().toString().substring(0, 6);
        String scope = "[data-flag='contribute'][data-scope='round:" + round + "']";
        browser = newBrowser(Browser.PHONE).signIn("olive", "ops").open("/flags");
        browser.waitFor(By.id("disable-form"));
        new Select(browser.driver().findElement(By.id("new-flag"))).selectByValue("contribute");
        new Select(browser.driver().findElement(By.id("new-kind"))).selectByValue("round");
        browser.driver().findElement(By.id("new-id")).sendKeys(round);
        browser.driver().findElement(By.id("new-reason")).sendKeys("Suspicious contributions, pausing");
        browser.driver().findElement(By.cssSelector("#disable-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(scope));

        browser.driver().findElement(By.cssSelector(scope + " button")).click();
        browser.waitFor(By.cssSelector(scope + " textarea")).sendKeys("Investigation closed, resuming contributions");
        browser.driver().findElement(By.cssSelector(scope + " button[type=submit]")).click();
        String link = browser.waitFor(By.cssSelector(scope + " .notice a")).getAttribute("href");
        String id = link.substring(link.indexOf("#/approvals/") + "#/approvals/".length());

        browser.driver().findElement(By.cssSelector(scope + " .notice a")).click();
        browser.waitForText(By.id("request-title"), "Re-enable contribute for round " + round);
        String page = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(page).contains("Investigation closed, resuming contributions").contains("olive").contains("left");
        assertThat(browser.driver().findElement(By.id("cannot-decide")).getText())
                .isEqualTo("You asked for this; someone else must decide.");
        assertThat(browser.all(By.cssSelector("#decide button"))).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("pre.payload")).getText()).contains("\"flag\": \"contribute\"");
        scrollTo(browser, By.id("decide"));
        browser.screenshot("approvals-detail-requester-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.driver().findElement(By.linkText("← All approvals")).click();
        browser.waitFor(By.cssSelector("li[data-approval-id='" + id + "']"));
        assertThat(browser.driver().findElement(By.cssSelector("li[data-approval-id='" + id + "']")).getText())
                .contains("Pending").contains("Re-enable contribute for round " + round).contains("you asked for this");
        browser.screenshot("approvals-inbox-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        second = newBrowser(Browser.LAPTOP).signIn("sam", "super_admin").open("/approvals");
        second.waitFor(By.cssSelector("li[data-approval-id='" + id + "']"));
        second.screenshot("approvals-inbox-laptop");
        assertThat(second.seriousAccessibilityViolations()).isEmpty();
        second.driver().findElement(By.cssSelector("li[data-approval-id='" + id + "'] h3 a")).click();
        second.waitFor(By.id("approve-comment")).sendKeys("Checked with the incident lead");
        second.driver().findElement(By.id("approve-button")).click();
        new WebDriverWait(second.driver(), WORKFLOW_GUARD).until(d -> d.findElement(By.id("decision-result")).getText().contains("Applied"));
        assertThat(second.driver().findElement(By.id("outcome")).getText()).contains("flag:contribute@round:" + round + " enabled");
        assertThat(second.driver().findElement(By.tagName("main")).getText()).contains("Checked with the incident lead").contains("sam");
        second.screenshot("approvals-detail-laptop");
        assertThat(second.seriousAccessibilityViolations()).isEmpty();

        second.driver().findElement(By.linkText("← All approvals")).click();
        second.waitFor(By.cssSelector("nav[aria-label=Status]"));
        second.driver().findElement(By.linkText("Applied")).click();
        second.waitForText(By.id("approvals-list-title"), "Applied requests");
        assertThat(second.waitFor(By.cssSelector("li[data-approval-id='" + id + "']")).getText())
                .contains("Applied").contains("Decided by sam").contains("enabled");
        second.screenshot("approvals-applied-laptop");

        browser.open("/flags");
        browser.waitFor(By.id("why-form"));
        browser.driver().findElement(By.id("why-flag")).clear();
        browser.driver().findElement(By.id("why-flag")).sendKeys("contribute");
        browser.driver().findElement(By.id("why-round")).clear();
        browser.driver().findElement(By.id("why-round")).sendKeys(round);
        new WebDriverWait(browser.driver(), WORKFLOW_GUARD).until(d -> checksAllowed(browser, d));
    }

    // reloads the kill-switch page and asks "why is this blocked?" (the fields come back from the drafts)
    private static boolean checksAllowed(Browser browser, WebDriver driver) {
        driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#why-form button[type=submit]")).click();
        String answer = browser.waitFor(By.id("why-answer")).getText();
        return answer.contains("Allowed");
    }

    @Test
    void peopleWhoMayNotDecide_seeNoButtons_andWhy() throws Exception {
        String round = "N" + UUID.randomUUID().toString().substring(0, 6);
        String id = pendingReEnable(round, "omar");

        browser = newBrowser(Browser.PHONE).signIn("rita", "reviewer").open("/approvals");
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText())
                .contains("403").contains("role [reviewer] may not call GET /v1/admin/approvals");
        assertThat(browser.driver().findElement(By.id("approvals-role-note")).getText()).contains("reviewer");
        assertThat(browser.all(By.cssSelector("main button"))).isEmpty();
        browser.screenshot("approvals-inbox-reviewer-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.close();

        browser = newBrowser(Browser.LAPTOP).signIn("stan", "support").open("/approvals/" + id);
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText())
                .contains("403").contains("may not call GET /v1/admin/approvals/{id}");
        assertThat(browser.all(By.cssSelector("main button"))).isEmpty();
        browser.close();

        browser = newBrowser(Browser.LAPTOP).signIn("fran", "finance").open("/approvals/" + id);
        browser.waitForText(By.id("request-title"), "Re-enable contribute for round " + round);
        assertThat(browser.driver().findElement(By.id("cannot-decide")).getText())
                .contains("needs the role ops or super_admin").contains("finance");
        assertThat(browser.all(By.cssSelector("#decide button"))).isEmpty();
        browser.screenshot("approvals-detail-finance-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.close();

        // another ops person may reject it, but approving a fund flag asked by ops needs a super_admin
        browser = newBrowser(Browser.PHONE).signIn("otto", "ops").open("/approvals/" + id);
        browser.waitFor(By.id("reject-button"));
        assertThat(browser.all(By.id("approve-button"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("cannot-approve")).getText()).contains("needs the role super_admin");
        scrollTo(browser, By.id("decide"));
        browser.screenshot("approvals-detail-ops-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void reject_withoutAReason_showsTheProblemNamingTheField_thenRejects() throws Exception {
        String round = "J" + UUID.randomUUID().toString().substring(0, 6);
        String id = pendingReEnable(round, "oscar");
        browser = newBrowser(Browser.PHONE).signIn("sue", "super_admin").open("/approvals/" + id);

        browser.waitFor(By.id("reject-button")).click();
        assertThat(browser.waitFor(By.cssSelector("#reject-form .problem")).getText())
                .contains("400").contains("reason").contains("10 to 500 characters");
        browser.driver().findElement(By.id("reject-reason")).sendKeys("short");
        browser.driver().findElement(By.id("reject-button")).click();
        browser.waitForText(By.cssSelector("#reject-form .problem"), "reason");
        assertThat(browser.driver().findElement(By.id("reject-reason")).getAttribute("aria-invalid")).isEqualTo("true");
        scrollTo(browser, By.cssSelector("#reject-form .problem"));
        browser.screenshot("approvals-reject-problem-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        assertThat(auditCount("flag:contribute@round:" + round, "approval.rejected")).isZero();

        // by keyboard: from the reason, Tab reaches the Reject button and Enter presses it
        browser.driver().findElement(By.id("reject-reason")).sendKeys(" - investigation still open", Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("reject-button");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), WORKFLOW_GUARD).until(d -> d.findElement(By.id("decision-result")).getText().contains("Rejected"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Reason for rejecting").contains("short - investigation still open");
        assertThat(browser.all(By.id("decide"))).isEmpty();
        scrollTo(browser, By.id("decision-result"));
        browser.screenshot("approvals-rejected-phone");
    }

    @Test
    void aDoubleClickedApprove_makesOneDecision() throws Exception {
        String round = "K" + UUID.randomUUID().toString().substring(0, 6);
        String id = pendingReEnable(round, "opal");
        browser = newBrowser(Browser.LAPTOP).signIn("saul", "super_admin").open("/approvals/" + id);

        new Actions(browser.driver()).doubleClick(browser.waitFor(By.id("approve-button"))).perform();
        new WebDriverWait(browser.driver(), WORKFLOW_GUARD).until(d -> d.findElement(By.id("decision-result")).getText().contains("Applied"));
        assertThat(browser.all(By.cssSelector("main .problem"))).isEmpty();
        assertThat(auditCount("flag:contribute@round:" + round, "approval.approved")).isEqualTo(1);
    }

    private static void scrollTo(Browser browser, By by) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.driver().findElement(by));
    }

    /** A fresh PENDING ENABLE_FUND_FLAG request, asked through the API by an ops person. */
    private static String pendingReEnable(String round, String opsSub) throws Exception {
        String token = warroom.token(opsSub, "ops");
        String scope = "\"flag\":\"contribute\",\"scope\":\"round:" + round + "\"";
        post("/v1/admin/system-flags/set", token, "{" + scope + ",\"enabled\":false,\"reason\":\"Pausing while we look\"}");
        JsonNode asked = post("/v1/admin/system-flags/set", token, "{" + scope + ",\"enabled\":true,\"reason\":\"All clear, resuming the flow\"}");
        assertThat(asked.path("status").asText()).isEqualTo("PENDING");
        return asked.path("approvalId").asText();
    }

    private static JsonNode post(String path, String token, String body) throws IOException, InterruptedException {
        RunningWarroom.Answer answer = warroom.call("POST", path, body, token);
        assertThat(answer.status()).as(path + " " + answer.body()).isBetween(200, 299);
        return answer.body();
    }

    /** How many audit entries of one action a target has, through the API. */
    private static long auditCount(String target, String action) throws IOException, InterruptedException {
        return StreamSupport.stream(warroom.auditEntries(target).spliterator(), false)
                .filter(e -> action.equals(e.path("action").asText())).count();
    }
}
