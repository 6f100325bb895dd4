package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Stuck page and the Daily Ops "Pending transaction aging" section in real browsers, against ./warroom up: a payout
 * the custody simulator holds (SUBMITTED, then a month passes), an order registered and never paid; each listed with its
 * kind, status, age and a link to its own page; and who may read them.
 */
class StuckPageTest extends ConsoleBrowserTest {

    private static String heldPayout;
    private static String pendingOrder;
    private Browser browser;

    @BeforeAll
    static void somethingIsStuck() throws Exception {
        PayoutRequests payouts = new PayoutRequests(warroom);
        String user = PayoutRequests.newId("u");
        payouts.registerUser(user);
        heldPayout = PayoutRequests.newId("PS");
        payouts.inject(heldPayout, "hold");
        payouts.request(heldPayout, user, "REFUND", "7.25");
        // the custodian's callbacks move its rail status on to where it holds it: aged before that, a callback resets its age
        payouts.await(heldPayout, p -> p.path("status").asText().equals("SUBMITTED")
                && p.path("railStatus").asText().equals("PENDING_AUTHORIZATION"));
        // a month passes with the custodian holding it: the oldest item of this stack
        payouts.age(heldPayout, Duration.ofDays(30));
        pendingOrder = Checkout.newOrderId("OS");
        new Checkout(warroom).register(pendingOrder, "275000.00", "course:python-101");
    }

    private static By row(String id) {
        return By.cssSelector("#stuck-items tr[data-id='" + id + "']");
    }

    @Test
    void stuckList_showsTheOldestFirst_withKindStatusAgeAndALinkToEach() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("olga", "ops").open("/stuck?limit=100");

        WebElement payout = browser.waitFor(row(heldPayout));
        List<WebElement> rows = browser.all(By.cssSelector("#stuck-items tbody tr"));
        assertThat(rows.getFirst().getAttribute("data-id")).as("the oldest first").isEqualTo(heldPayout);
        assertThat(payout.getText()).contains("Payout").contains("Submitted").contains("Stuck").contains("30 d").contains("USDC 7.250000");
        WebElement order = browser.waitFor(row(pendingOrder));
        assertThat(order.getText()).contains("Order").contains("Pending").contains("IDR 275,000.00").doesNotContain("Stuck");
        assertThat(order.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("#/orders/" + pendingOrder);
        assertThat(browser.driver().findElement(By.id("stuck-summary")).getText()).contains("stuck").contains("among the");
        assertThat(browser.driver().findElement(By.cssSelector("nav[aria-label='How many'] a[aria-current=page]")).getText())
                .isEqualTo("Top 100");
        browser.screenshot("stuck-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        payout.findElement(By.cssSelector("a")).click();
        browser.waitForText(By.tagName("h1"), heldPayout);
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/payouts/" + heldPayout);
    }

    @Test
    void stuckList_onAPhone_forSupport_showsTheTopTwenty() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("sam", "support").open("/stuck");

        WebElement payout = browser.waitFor(row(heldPayout));
        assertThat(browser.all(By.cssSelector("#stuck-items tbody tr"))).hasSizeLessThanOrEqualTo(20);
        assertThat(payout.getText()).contains("Submitted").contains("30 d");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("stuck-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void stuckList_forAReviewer_saysWhoMayReadIt() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("rita", "reviewer").open("/stuck");

        browser.waitForText(By.cssSelector("main .problem"), "403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText())
                .contains("ops, finance, support and super_admin");
        assertThat(browser.all(By.id("stuck-items"))).isEmpty();
    }

    @Test
    void dailyOps_pendingTransactionAging_showsTheOldestWaitingWithTheirAges() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("fiona", "finance").open("/daily-ops");

        browser.waitForText(By.id("ops-aging"), heldPayout);
        WebElement section = browser.driver().findElement(By.id("ops-aging"));
        assertThat(section.getText()).contains("stuck").contains("oldest waiting 30 d").contains("Submitted");
        assertThat(section.findElement(By.cssSelector("#ops-aging-items li a")).getAttribute("href")).endsWith("#/payouts/" + heldPayout);
        assertThat(section.findElement(By.linkText("Stuck list")).getAttribute("href")).endsWith("#/stuck");
        browser.scrollTo(By.id("ops-pending-aging"));
        browser.screenshot("daily-ops-pending-aging-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void dailyOps_forAReviewer_hasNoAgingSection() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("rita", "reviewer").open("/daily-ops");

        browser.waitFor(By.id("health"));
        assertThat(browser.all(By.id("ops-pending-aging"))).isEmpty();
    }
}
