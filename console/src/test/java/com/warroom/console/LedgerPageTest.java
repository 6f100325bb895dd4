package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The ledger account page in a real browser, against ./warroom up: balances after payments, paging, unknown accounts, roles. */
class LedgerPageTest extends ConsoleBrowserTest {

    // where Midtrans payments come in: a clearing account, so its balance goes below zero as money is owed to us
    private static final String CLEARING = "psp_clearing:midtrans";

    private static Checkout checkout;
    private Browser browser;

    @BeforeAll
    static void platform() {
        checkout = new Checkout(warroom);
    }

    @Test
    void afterPayments_theClearingAccountShowsItsBalanceAndLatestEntry_andOlderEntriesPageBack() throws Exception {
        String last = null;
        for (String amount : List.of("120000.00", "80000.00", "150000.00")) {
            last = Checkout.newOrderId("L");
            checkout.register(last, amount, "course:java-101");
            checkout.pay(last, "settlement", amount);
            checkout.awaitOrder(last, o -> o.path("status").asText().equals("PAID"));
        }
        JsonNode account = ledger(CLEARING, "?limit=2");
        JsonNode idr = balance(account, "IDR");

        browser = newBrowser(Browser.LAPTOP).signIn("fay", "finance").open("/ledger");
        browser.waitFor(By.id("ledger-account")).sendKeys(CLEARING);
        browser.driver().findElement(By.cssSelector("#ledger-lookup button[type=submit]")).click();
        browser.waitForText(By.cssSelector("main h1"), CLEARING);
        WebElement shown = browser.waitFor(By.cssSelector("#balances li[data-currency=IDR]"));
        assertThat(shown.findElement(By.cssSelector(".balance-amount")).getText()).isEqualTo(Checkout.shown(idr.path("balance").asText(), "IDR"));
        assertThat(shown.getText()).contains("Seal intact").contains(idr.path("entryCount").asText() + " entries")
                .contains("order-paid:" + last);
        assertThat(browser.driver().findElement(By.id("ledger-kind")).getText()).contains("may go below zero");
        WebElement newest = browser.all(By.cssSelector("#ledger-entries tbody tr")).get(0);
        assertThat(newest.getAttribute("data-entry-id")).isEqualTo("order-paid:" + last);
        assertThat(newest.findElement(By.cssSelector("td.amount")).getText()).isEqualTo("IDR -150,000.00");
        browser.screenshot("ledger-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.open("/ledger/" + CLEARING + "?limit=2");
        browser.waitFor(By.cssSelector("#ledger-entries tbody tr"));
        List<Long> firstPage = seqs();
        assertThat(firstPage).hasSize(2);
        assertThat(firstPage.get(0)).isGreaterThan(firstPage.get(1));
        browser.driver().findElement(By.id("ledger-older")).click();
        browser.waitForText(By.id("ledger-entries-title"), "older ones");
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> !seqs().isEmpty() && seqs().get(0) < firstPage.get(1));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("ledger-entries-title");
        assertThat(browser.driver().findElement(By.cssSelector(".pager")).getText()).contains("Newest entries");
        browser.screenshot("ledger-laptop-older");

        Browser phone = newBrowser(Browser.PHONE).signIn("otto", "ops").open("/ledger/" + CLEARING);
        phone.waitFor(By.cssSelector("#ledger-entries tbody tr"));
        assertThat(phone.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        phone.screenshot("ledger-phone");
        phone.scrollTo(By.id("ledger-entries-title"));
        phone.screenshot("ledger-phone-entries");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void anAccountNeverPostedTo_saysSo() throws Exception {
        String account = "revenue:never-" + Checkout.newOrderId("x").toLowerCase();
        browser = newBrowser(Browser.PHONE).signIn("fay", "finance").open("/ledger/" + account);
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("404");
        assertThat(browser.driver().findElement(By.cssSelector("main .problem")).getText()).contains(account);
        assertThat(browser.driver().findElement(By.id("ledger-not-found")).getText()).startsWith("An account exists from its first entry");
        browser.screenshot("ledger-unknown-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aSupportPerson_seesWhoMayReadTheLedger() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("sid", "support").open("/ledger/" + CLEARING);
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText())
                .isEqualTo("Ledger accounts are read by finance, ops and super_admin.");
        assertThat(browser.all(By.id("balances"))).isEmpty();
    }

    private static JsonNode ledger(String account, String query) throws Exception {
        RunningWarroom.Answer answer = warroom.call("GET", "/v1/admin/ledger/accounts/" + account + query, null, warroom.token("fay", "finance"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode balance(JsonNode account, String currency) {
        for (JsonNode b : account.path("balances")) {
            if (b.path("currency").asText().equals(currency)) {
                return b;
            }
        }
        throw new AssertionError("no " + currency + " balance in " + account);
    }

    private List<Long> seqs() {
        return browser.all(By.cssSelector("#ledger-entries tbody tr")).stream().map(e -> Long.parseLong(e.getAttribute("data-seq"))).toList();
    }
}
