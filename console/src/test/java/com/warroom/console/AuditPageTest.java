package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit page in a real browser, against ./warroom up: entries with their diffs, the chain's badge, paging, roles. */
class AuditPageTest extends ConsoleBrowserTest {

    private static final String FIRST_REASON = "Spam wave on this round, pausing posts";
    private static final String SECOND_REASON = "Spam wave continues, keeping posts paused";

    private Browser browser;

    @Test
    void aFlagDisabledTwice_showsOnTheAuditPageFilteredByItsTarget_withTheChangedReasonAsADiff() throws Exception {
        String target = feedPostingChanges("A", false);

        browser = newBrowser(Browser.LAPTOP).signIn("frank", "ops").open("/audit?target=" + encode(target));
        browser.waitForText(By.id("audit-verify"), "Chain verified");
        waitForEntries(2);

        List<WebElement> entries = browser.all(By.cssSelector("li.entry"));
        WebElement newest = entries.get(0);
        assertThat(newest.findElement(By.tagName("h3")).getText()).contains("flag.set").contains(target);
        assertThat(newest.findElement(By.cssSelector("dl.facts")).getText())
                .contains("erin").contains("ops").contains(SECOND_REASON).contains("Request id");
        WebElement reasonRow = diffRow(newest, "reason");
        assertThat(reasonRow.getAttribute("class")).contains("changed");
        assertThat(reasonRow.findElement(By.cssSelector(".mark")).getText()).contains("changed");
        assertThat(reasonRow.findElement(By.tagName("del")).getText()).isEqualTo('"' + FIRST_REASON + '"');
        assertThat(reasonRow.findElement(By.tagName("ins")).getText()).isEqualTo('"' + SECOND_REASON + '"');
        assertThat(diffRow(newest, "enabled").getAttribute("class")).contains("same");
        assertThat(entries.get(1).findElement(By.cssSelector(".diff-summary")).getText()).startsWith("Created");
        assertThat(browser.driver().findElement(By.id("audit-target")).getAttribute("value")).isEqualTo(target);

        JsonNode verify = warroom.call("GET", "/v1/admin/audit/verify", null, warroom.token("auditor", "super_admin")).body();
        assertThat(browser.driver().findElement(By.id("audit-verify")).getText())
                .startsWith("● Chain verified").contains(verify.path("entries").asText() + " entries");
        browser.screenshot("audit-laptop");
        scrollTo(newest);
        browser.screenshot("audit-laptop-entry");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void onAPhone_theFilterFormPutsTheTargetInTheAddress_andOlderEntriesPageBack() throws Exception {
        String target = feedPostingChanges("P", true);

        browser = newBrowser(Browser.PHONE).signIn("grace", "super_admin").open("/audit?limit=2");
        waitForEntries(2);
        browser.driver().findElement(By.id("audit-target")).sendKeys(target);
        browser.driver().findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        browser.waitForText(By.id("audit-entries-title"), target);
        assertThat(browser.driver().getCurrentUrl()).contains("#/audit?target=" + encode(target)).contains("limit=2");
        waitForEntries(2);
        List<Long> firstPage = seqs();
        assertThat(browser.all(By.cssSelector("li.entry h3")).get(0).getText()).contains(target);
        browser.screenshot("audit-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        WebElement older = browser.driver().findElement(By.id("audit-older"));
        assertThat(older.getText()).isEqualTo("Older entries");
        older.click();
        browser.waitForText(By.id("audit-entries-title"), "older than seq " + firstPage.get(1));
        waitForEntries(1);
        assertThat(seqs().get(0)).isLessThan(firstPage.get(1));
        WebElement oldest = browser.all(By.cssSelector("li.entry")).get(0);
        assertThat(oldest.findElement(By.cssSelector(".diff-summary")).getText()).startsWith("Created");
        assertThat(oldest.findElement(By.cssSelector("dl.facts")).getText()).contains(FIRST_REASON);
        assertThat(browser.driver().findElement(By.cssSelector(".pager")).getText()).contains("No older entries").contains("Newest entries");
        assertThat(firstPage.get(0)).isGreaterThan(firstPage.get(1));
        scrollTo(oldest);
        browser.screenshot("audit-phone-older");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aSupportPerson_seesTheApisForbiddenProblemWithItsDetail_notABlankPage() throws Exception {
        JsonNode refused = warroom.call("GET", "/v1/admin/audit", null, warroom.token("dave", "support")).body();
        assertThat(refused.path("status").asInt()).isEqualTo(403);

        browser = newBrowser(Browser.PHONE).signIn("dave", "support").open("/audit");
        WebElement problem = browser.waitFor(By.cssSelector("main .problem"));
        assertThat(problem.getText()).contains("403").contains(refused.path("title").asText()).contains(refused.path("detail").asText());
        assertThat(browser.all(By.cssSelector("main .problem"))).as("the 403 said once, not once per call").hasSize(1);
        assertThat(browser.all(By.cssSelector("li.entry"))).isEmpty();
        browser.screenshot("audit-support-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    /** Disables feed.posting for a new round twice (the reason changes), and re-enables it when asked; returns its target. */
    private static String feedPostingChanges(String prefix, boolean reEnable) throws Exception {
        String round = prefix + UUID.randomUUID().toString().substring(0, 6);
        String token = warroom.token("erin", "ops");
        set(round, false, FIRST_REASON, token);
        set(round, false, SECOND_REASON, token);
        if (reEnable) {
            set(round, true, "Spam wave is over, posting again", token);
        }
        return "flag:feed.posting@round:" + round;
    }

    private static void set(String round, boolean enabled, String reason, String token) throws Exception {
        RunningWarroom.Answer answer = warroom.call("POST", "/v1/admin/system-flags/set", "{\"flag\":\"feed.posting\",\"scope\":\"round:"
                + round + "\",\"enabled\":" + enabled + ",\"reason\":\"" + reason + "\"}", token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private void waitForEntries(int count) {
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("li.entry")).size() == count && d.findElements(By.cssSelector("main [aria-live]")).isEmpty());
    }

    private List<Long> seqs() {
        return browser.all(By.cssSelector("li.entry")).stream().map(e -> Long.parseLong(e.getAttribute("data-seq"))).toList();
    }

    private static WebElement diffRow(WebElement entry, String key) {
        return entry.findElement(By.xpath(".//div[contains(@class,'diff-row')][dt/code[text()='" + key + "']]"));
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
