package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The outbox page in a real browser, against ./warroom up: failed notifications requeued, one and several, and roles. */
class OutboxPageTest extends ConsoleBrowserTest {

    private static Checkout checkout;
    private Browser browser;

    @BeforeAll
    static void platform() {
        checkout = new Checkout(warroom);
    }

    @Test
    void aFailedNotification_requeuedWithADoubleClick_isRequeuedOnce() throws Exception {
        String id = checkout.failedNotification("F");

        browser = newBrowser(Browser.LAPTOP).signIn("oona", "ops").open("/outbox");
        WebElement item = browser.waitFor(item(id));
        assertThat(item.getText()).contains("Failed").contains(id.substring(id.indexOf(':') + 1));
        browser.screenshot("outbox-failed-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        new Actions(browser.driver()).doubleClick(item.findElement(By.cssSelector("button.requeue"))).perform();
        browser.waitForText(By.id("requeue-result"), "Requeued 1");
        assertThat(browser.driver().findElement(By.id("requeue-result")).getText()).contains(id).doesNotContain("Skipped");
        assertThat(browser.all(By.cssSelector("main .problem"))).isEmpty();
        assertThat(browser.driver().findElement(item(id)).getText()).contains("Requeued");
        assertThat(browser.all(By.cssSelector(itemSelector(id) + " button.requeue"))).isEmpty();
        assertThat(requeueAudits(id)).as("one requeue for the double click").isEqualTo(1);
        browser.screenshot("outbox-requeued-laptop");
    }

    @Test
    void onAPhone_theSelectedFailedNotifications_areRequeuedTogether() throws Exception {
        String first = checkout.failedNotification("G");
        String second = checkout.failedNotification("H");

        browser = newBrowser(Browser.PHONE).signIn("ozzy", "super_admin").open("/outbox");
        for (String id : List.of(first, second)) {
            browser.waitFor(item(id)).findElement(By.cssSelector("input.select")).click();
        }
        WebElement requeue = browser.driver().findElement(By.id("requeue-selected"));
        assertThat(requeue.getText()).contains("(2)");
        assertThat(browser.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        browser.screenshot("outbox-selected-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        requeue.click();
        browser.waitForText(By.id("requeue-result"), "Requeued 2");
        assertThat(browser.driver().findElement(By.id("requeue-result")).getText()).contains(first).contains(second);
        browser.scrollTo(By.id("requeue-result"));
        browser.screenshot("outbox-requeued-phone");
        assertThat(requeueAudits(first)).isEqualTo(1);
    }

    @Test
    void aFinancePerson_seesWhoMayUseTheOutbox() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("fern", "finance").open("/outbox");
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText())
                .isEqualTo("The outbox is read and requeued by ops and super_admin.");
        assertThat(browser.all(By.cssSelector("main button.requeue"))).isEmpty();
        browser.screenshot("outbox-finance-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    private static By item(String id) {
        return By.cssSelector(itemSelector(id));
    }

    private static String itemSelector(String id) {
        return "li.outbox-item[data-id='" + id + "']";
    }

    /** The outbox.requeue audit entries (all of target "outbox") that requeued this item. */
    private static int requeueAudits(String id) throws Exception {
        int count = 0;
        for (JsonNode entry : warroom.auditEntries("outbox")) {
            JsonNode after = entry.path("after");
            String text = after.isTextual() ? after.asText() : after.toString();
            if (entry.path("action").asText().equals("outbox.requeue") && text.contains("\"" + id + "\"")) {
                count++;
            }
        }
        return count;
    }
}
