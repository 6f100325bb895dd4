package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The order page in a real browser, against ./warroom up: an order paid through the Midtrans simulator, an unknown one, roles. */
class OrderPageTest extends ConsoleBrowserTest {

    // a guard against a hang while the processor checks the payment with Midtrans, not a timing assertion
    private static final Duration PROCESSING_GUARD = Duration.ofSeconds(60);

    private static Checkout checkout;
    private Browser browser;

    @BeforeAll
    static void platform() {
        checkout = new Checkout(warroom);
    }

    @Test
    void aSettledOrder_lookedUpById_showsPaidWithItsTimeline_theAccessGranted_andTheNotification() throws Exception {
        String orderId = Checkout.newOrderId("O");
        checkout.register(orderId, "150000.00", "course:java-101");
        checkout.pay(orderId, "settlement", "150000.00");

        browser = newBrowser(Browser.LAPTOP).signIn("sofia", "support").open("/orders");
        browser.waitFor(By.id("order-id")).sendKeys(orderId);
        browser.driver().findElement(By.cssSelector("#order-lookup button[type=submit]")).click();
        browser.waitForText(By.cssSelector("main h1"), orderId);
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/orders/" + orderId);
        new WebDriverWait(browser.driver(), PROCESSING_GUARD).until(d -> d.findElement(By.id("order-status")).getText().contains("Paid")
                && !d.findElements(By.cssSelector("#timeline li.check")).isEmpty());

        JsonNode order = checkout.awaitOrder(orderId, o -> o.path("status").asText().equals("PAID"));
        assertThat(browser.driver().findElement(By.id("order-amount")).getText()).isEqualTo("IDR 150,000.00");
        String facts = browser.driver().findElement(By.id("order-facts")).getText();
        assertThat(facts).contains("course:java-101").contains(order.path("userId").asText()).contains("Seal intact").contains("Paid");

        List<WebElement> events = browser.all(By.cssSelector("#timeline > li"));
        assertThat(events).hasSize(order.path("events").size());
        WebElement notification = events.get(0);
        assertThat(notification.getAttribute("data-kind")).isEqualTo("notification");
        assertThat(notification.findElement(By.tagName("h3")).getText()).contains("settlement");
        assertThat(notification.getText()).contains("150,000.00");
        WebElement check = browser.driver().findElement(By.cssSelector("#timeline li.check"));
        JsonNode checked = lastOfKind(order, "check");
        assertThat(check.findElement(By.cssSelector(".said")).getText()).contains("settlement");
        assertThat(check.findElement(By.cssSelector(".outcome")).getText()).contains("→ PAID").contains(checked.path("outcome").asText());

        assertThat(browser.all(By.id("order-following"))).as("the notification's check is there: nothing to wait for").isEmpty();
        assertThat(browser.driver().findElement(By.id("entitlement")).getText()).contains("Granted").contains("course:java-101");
        new WebDriverWait(browser.driver(), PROCESSING_GUARD).until(d -> !d.findElements(By.cssSelector("#order-notifications li")).isEmpty());
        assertThat(browser.driver().findElement(By.id("order-notifications")).getText()).contains("payment.success");
        browser.screenshot("order-paid-laptop");
        browser.scrollTo(By.id("timeline-title"));
        browser.screenshot("order-paid-laptop-timeline");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        notification.findElement(By.tagName("summary")).click();
        assertThat(notification.findElement(By.cssSelector("pre.raw")).getText())
                .contains("\"order_id\": \"" + orderId + "\"").contains("\"transaction_status\": \"settlement\"");

        Browser phone = newBrowser(Browser.PHONE).signIn("otis", "ops").open("/orders/" + orderId);
        phone.waitForText(By.id("order-status"), "Paid");
        phone.waitFor(By.cssSelector("#timeline li.check"));
        assertThat(phone.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        phone.screenshot("order-paid-phone");
        phone.scrollTo(By.id("timeline-title"));
        phone.screenshot("order-paid-phone-timeline");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void anOrderNobodyRegistered_saysSo_withTheApisProblem() throws Exception {
        String orderId = Checkout.newOrderId("NOPE");
        RunningWarroom.Answer refused = warroom.call("GET", "/v1/orders/" + orderId, null, warroom.token("fin", "finance"));
        assertThat(refused.status()).isEqualTo(404);

        browser = newBrowser(Browser.PHONE).signIn("fin", "finance").open("/orders/" + orderId);
        WebElement problem = browser.waitFor(By.cssSelector("main .problem"));
        assertThat(problem.getText()).contains("404").contains(refused.body().path("title").asText());
        assertThat(problem.getText()).contains(refused.body().path("detail").asText());
        assertThat(browser.driver().findElement(By.id("order-not-found")).getText()).startsWith("Check the id");
        assertThat(browser.all(By.id("timeline"))).isEmpty();
        browser.screenshot("order-unknown-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aSuperAdmin_whoMayNotReadOrders_seesTheForbiddenProblemAndWhoMay() throws Exception {
        String orderId = Checkout.newOrderId("R");
        checkout.register(orderId, "75000.00", "course:sql-basics");

        browser = newBrowser(Browser.LAPTOP).signIn("sam", "super_admin").open("/orders/" + orderId);
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText())
                .isEqualTo("Orders are read by support, ops and finance (and the platform itself).");
        assertThat(browser.all(By.id("order-facts"))).isEmpty();
        browser.screenshot("order-forbidden-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    private static JsonNode lastOfKind(JsonNode order, String kind) {
        JsonNode last = null;
        for (JsonNode e : order.path("events")) {
            if (e.path("kind").asText().equals(kind)) {
                last = e;
            }
        }
        assertThat(last).as("a %s event in %s", kind, order).isNotNull();
        return last;
    }
}
