package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The kill-switch page in a real browser, against ./warroom up. */
class KillSwitchPageTest extends ConsoleBrowserTest {

    private Browser browser;

    @Test
    void opsOnAPhone_disablesContributeForARound_andTheCheckSaysBlocked() throws Exception {
        String round = "R" + UUID.randomUUID().toString().substring(0, 6);
        browser = newBrowser(Browser.PHONE).signIn("alice", "ops").open("/flags");
        browser.waitFor(By.id("disable-form"));

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("new-flag"))).selectByValue("contribute");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("new-kind"))).selectByValue("round");
        browser.driver().findElement(By.id("new-id")).sendKeys(round);
        browser.driver().findElement(By.id("new-reason")).sendKeys("Suspicious contributions, pausing");
        browser.driver().findElement(By.cssSelector("#disable-form button[type=submit]")).click();

        browser.waitForText(By.cssSelector("#disable-form .notice"), "contribute is disabled for round:" + round);
        browser.waitFor(By.cssSelector("[data-flag='contribute'][data-scope='round:" + round + "']"));
        browser.driver().findElement(By.id("why-flag")).clear();
        browser.driver().findElement(By.id("why-flag")).sendKeys("contribute");
        browser.driver().findElement(By.id("why-round")).sendKeys(round);
        browser.driver().findElement(By.cssSelector("#why-form button[type=submit]")).click();
        browser.waitForText(By.id("why-answer"), "Blocked");
        assertThat(browser.driver().findElement(By.id("why-answer")).getText())
                .contains("round:" + round).contains("Suspicious contributions, pausing");
        browser.screenshot("kill-switches-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aDoubleClickedDisable_makesOneChange() throws Exception {
        String round = "D" + UUID.randomUUID().toString().substring(0, 6);
        browser = newBrowser(Browser.LAPTOP).signIn("bob", "ops").open("/flags");
        browser.waitFor(By.id("disable-form"));
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("new-flag"))).selectByValue("refund");
        browser.driver().findElement(By.id("new-id")).sendKeys(round);
        browser.driver().findElement(By.id("new-reason")).sendKeys("Refund spike, pausing refunds");
        WebElement submit = browser.driver().findElement(By.cssSelector("#disable-form button[type=submit]"));
        new Actions(browser.driver()).doubleClick(submit).perform();

        browser.waitForText(By.cssSelector("#disable-form .notice"), "refund is disabled for round:" + round);
        assertThat(warroom.auditEntries("flag:refund@round:" + round)).hasSize(1);
        browser.screenshot("kill-switches-laptop");
    }

    @Test
    void aReasonTooShort_showsTheProblemNamingTheField_andWritesNothing() throws Exception {
        String round = "S" + UUID.randomUUID().toString().substring(0, 6);
        browser = newBrowser(Browser.LAPTOP).signIn("carol", "ops").open("/flags");
        browser.waitFor(By.id("disable-form"));
        browser.driver().findElement(By.id("new-id")).sendKeys(round);
        browser.driver().findElement(By.id("new-reason")).sendKeys("short");
        browser.driver().findElement(By.cssSelector("#disable-form button[type=submit]")).click();

        WebElement problem = browser.waitFor(By.cssSelector("#disable-form .problem"));
        assertThat(problem.getText()).contains("400").contains("reason").contains("10 to 500 characters");
        assertThat(warroom.auditEntries("flag:project.submission@round:" + round)).isEmpty();
    }

    @Test
    void aSupportPerson_seesTheFlagsButNoButtons() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("dave", "support").open("/flags");
        browser.waitFor(By.cssSelector("ul.flags"));

        List<WebElement> buttons = browser.all(By.cssSelector("ul.flags button"));
        assertThat(buttons).isEmpty();
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Only ops and super_admin may change kill switches");
    }
}
