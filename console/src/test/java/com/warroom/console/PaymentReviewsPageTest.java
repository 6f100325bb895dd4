package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The payment reviews page in a real browser, against ./warroom up: an amount mismatch, the reconcile button, roles. */
class PaymentReviewsPageTest extends ConsoleBrowserTest {

    // a guard against a hang while the processor records the review, not a timing assertion
    private static final Duration PROCESSING_GUARD = Duration.ofSeconds(60);

    private static Checkout checkout;
    private Browser browser;

    @BeforeAll
    static void platform() {
        checkout = new Checkout(warroom);
    }

    @Test
    void aPaymentOfAnotherAmount_isListedWithTheExpectedAndReceivedAmounts_andLinksToItsOrder() throws Exception {
        String orderId = Checkout.newOrderId("M");
        checkout.register(orderId, "150000.00", "course:java-101");
        checkout.pay(orderId, "settlement", "100000.00");
        JsonNode review = awaitReview(orderId);

        browser = newBrowser(Browser.LAPTOP).signIn("fiona", "finance").open("/payments/reviews");
        WebElement shown = browser.waitFor(By.cssSelector("li.review[data-review-id='" + review.path("id").asText() + "']"));
        assertThat(shown.getAttribute("data-kind")).isEqualTo("AMOUNT_MISMATCH");
        assertThat(shown.findElement(By.cssSelector(".badge")).getText()).contains("Amount mismatch");
        assertThat(shown.findElement(By.cssSelector(".expected")).getText()).isEqualTo("IDR 150,000.00");
        assertThat(shown.findElement(By.cssSelector(".received")).getText()).isEqualTo("IDR 100,000.00");
        assertThat(shown.findElement(By.cssSelector(".detail")).getText()).isEqualTo(review.path("detail").asText());
        assertThat(browser.driver().findElement(By.id("reconcile-start")).getText()).contains("Reconcile with Midtrans now");
        browser.screenshot("payment-reviews-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        shown.findElement(By.cssSelector("h3 a")).click();
        browser.waitForText(By.cssSelector("main h1"), orderId);
        browser.waitForText(By.id("order-status"), "Pending");
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("100,000.00");

        Browser phone = newBrowser(Browser.PHONE).signIn("owen", "ops").open("/payments/reviews");
        phone.waitFor(By.cssSelector("li.review[data-review-id='" + review.path("id").asText() + "']"));
        assertThat(phone.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        phone.screenshot("payment-reviews-phone");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void reconcile_asksFirst_thenSaysHowManyOrdersItQueued_onceForADoubleClick() throws Exception {
        int before = reconcileAudits();
        browser = newBrowser(Browser.PHONE).signIn("olga", "ops").open("/payments/reviews");

        browser.waitFor(By.id("reconcile-start")).click();
        assertThat(browser.waitFor(By.id("reconcile-confirm-text")).getText()).contains("pending longer than 15 minutes");
        browser.scrollTo(By.id("reconcile"));
        browser.screenshot("payment-reviews-reconcile-confirm-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.driver().findElement(By.id("reconcile-cancel")).click();
        browser.waitFor(By.id("reconcile-start")).click();

        new Actions(browser.driver()).doubleClick(browser.waitFor(By.id("reconcile-confirm"))).perform();
        WebElement result = browser.waitFor(By.id("reconcile-result"));
        assertThat(browser.all(By.cssSelector("#reconcile .problem"))).isEmpty();
        assertThat(result.getText()).satisfiesAnyOf(
                text -> assertThat(text).startsWith("Queued "),
                text -> assertThat(text).startsWith("No order was pending longer than 15 minutes"));
        assertThat(reconcileAudits()).as("one reconcile for the cancel, the click and the double click").isEqualTo(before + 1);
        browser.screenshot("payment-reviews-reconciled-phone");
    }

    @Test
    void aSupportPerson_seesWhoMayReadReviews_andNoReconcileButton() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("sid", "support").open("/payments/reviews");
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText())
                .isEqualTo("Payment reviews are read, and the reconcile run, by ops, finance and super_admin.");
        assertThat(browser.all(By.id("reconcile-start"))).isEmpty();
        browser.screenshot("payment-reviews-support-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    private static JsonNode awaitReview(String orderId) throws Exception {
        Instant giveUp = Instant.now().plus(PROCESSING_GUARD);
        String token = warroom.token("fiona", "finance");
        while (true) {
            RunningWarroom.Answer answer = warroom.call("GET", "/v1/admin/payments/reviews?limit=100", null, token);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            for (JsonNode review : answer.body().path("reviews")) {
                if (review.path("orderId").asText().equals(orderId)) {
                    return review;
                }
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no review of " + orderId + " in " + answer.body());
            }
            Thread.sleep(250);
        }
    }

    private static int reconcileAudits() throws Exception {
        int count = 0;
        for (JsonNode entry : warroom.auditEntries(RECONCILE_TARGET)) {
            if (entry.path("action").asText().equals("payments.reconcile")) {
                count++;
            }
        }
        return count;
    }

    // what the reconcile's audit entries are about (see PaymentsAdminHandler)
    private static final String RECONCILE_TARGET = "payments:reconcile";
}
