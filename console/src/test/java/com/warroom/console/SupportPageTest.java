package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Support page in real browsers against ./warroom up: one search box finds a user by wallet address (a refund the
 * custodian refused) and by order id (paid, the access lost), the card shows what happened with status, age and badges,
 * the suggested answer comes in Indonesian and English with copy buttons and the internal next step; support sees
 * wallet addresses masked, ops in full; a miss says what was searched; a reviewer is told who may look people up.
 */
class SupportPageTest extends ConsoleBrowserTest {

    private static SupportCases.FailedRefund refund;
    private static SupportCases.PaidNoAccess paid;
    private Browser browser;

    @BeforeAll
    static void cases() throws Exception {
        SupportCases cases = new SupportCases(warroom);
        refund = cases.failedRefund();
        paid = cases.paidWithoutAccess();
    }

    private void search(String q) {
        WebElement box = browser.waitFor(By.id("support-q"));
        box.clear();
        box.sendKeys(q, Keys.ENTER);
    }

    private WebElement card() {
        return browser.waitFor(By.id("support-card"));
    }

    /** "0x" and the last four characters, as the API masks a wallet address for support. */
    private static String maskedTail(String address) {
        return address.substring(address.length() - 4).toLowerCase(Locale.ROOT);
    }

    @Test
    void support_findsAUserByWallet_masked_withTheRefundFailedAnswer() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("sari", "support").open("/support");
        search(refund.wallet());

        browser.waitForText(By.id("support-matched"), "EVM wallet");
        WebElement card = card();
        assertThat(card.getAttribute("data-kind")).isEqualTo("WALLET_EVM");
        assertThat(browser.driver().findElement(By.id("support-masked")).getText()).contains("Masked");
        String cardText = card.getText();
        assertThat(cardText.toLowerCase(Locale.ROOT)).as("the wallet only masked on the card and in the answers")
                .doesNotContain(refund.wallet().toLowerCase(Locale.ROOT)).contains(maskedTail(refund.wallet()));
        assertThat(browser.driver().findElement(By.id("support-user-title")).getText()).contains(refund.userId());
        assertThat(browser.driver().findElement(By.id("support-kyc")).getText()).contains("Approved");

        WebElement payout = browser.waitFor(By.cssSelector("#support-payouts tr[data-payout-id='" + refund.payoutId() + "']"));
        assertThat(payout.getText()).contains("Refund").contains("USDC 12.500000").contains("Failed");
        assertThat(payout.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("#/payouts/" + refund.payoutId());

        WebElement answer = browser.waitFor(By.cssSelector("#support-suggestions .suggestion[data-case='refund_failed']"));
        String indonesian = answer.findElement(By.cssSelector(".answer[lang=id] .answer-text")).getText();
        String english = answer.findElement(By.cssSelector(".answer[lang=en] .answer-text")).getText();
        assertThat(indonesian).isNotBlank().isNotEqualTo(english).doesNotContain("{");
        assertThat(english).isNotBlank().doesNotContain("{");
        assertThat(answer.findElement(By.cssSelector(".next-step")).getText()).contains("Next step").contains("internal");
        assertThat(browser.all(By.cssSelector("#support-suggestions .suggestion")).getFirst().getAttribute("data-case"))
                .as("the most urgent case first").isEqualTo("refund_failed");

        // Copy puts the English answer on the clipboard; a browser that refuses leaves it selected to copy by hand
        answer.findElement(By.cssSelector(".answer[lang=en] button.copy-answer")).click();
        WebElement copied = answer.findElement(By.cssSelector(".answer[lang=en] .copied"));
        browser.waitUntil(() -> !copied.getText().isBlank());
        if (copied.getText().contains("Not copied")) {
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return getSelection().toString()")).isEqualTo(english);
        } else {
            assertThat(copied.getText()).contains("Copied");
        }
        assertThat(browser.driver().getCurrentUrl()).contains("#/support?q=");
        browser.screenshot("support-wallet-refund-failed-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.scrollTo(By.id("support-user"));
        browser.screenshot("support-wallet-card-laptop");

        // from the card to a ticket for this user, the form open with the user filled in
        browser.driver().findElement(By.id("support-new-ticket")).click();
        browser.waitForText(By.tagName("h1"), "Tickets");
        assertThat(browser.waitFor(By.id("new-ticket-user")).getAttribute("value")).isEqualTo(refund.userId());
    }

    @Test
    void ops_findsAnOrderById_unmasked_withThePaidNoAccessAnswer() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("olga", "ops").open("/support?q=" + paid.orderId());

        browser.waitForText(By.id("support-matched"), "order id");
        WebElement card = card();
        assertThat(card.getAttribute("data-kind")).isEqualTo("ORDER_ID");
        assertThat(browser.all(By.id("support-unmasked"))).hasSize(1);
        assertThat(browser.all(By.id("support-masked"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("support-user-title")).getText()).contains(paid.userId());

        WebElement order = browser.waitFor(By.cssSelector("#support-orders tr[data-order-id='" + paid.orderId() + "']"));
        assertThat(order.getText()).contains("IDR 150,000.00").contains("Paid").contains("None").contains(paid.item());
        WebElement answer = browser.waitFor(By.cssSelector("#support-suggestions .suggestion[data-case='paid_no_access']"));
        assertThat(answer.findElement(By.cssSelector(".answer[lang=id] .answer-text")).getText()).isNotBlank().doesNotContain("{");
        assertThat(answer.findElement(By.cssSelector(".answer[lang=en] .answer-text")).getText()).isNotBlank().doesNotContain("{");
        assertThat(answer.findElement(By.cssSelector(".next-step")).getText()).isNotBlank();
        browser.screenshot("support-order-paid-no-access-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.scrollTo(By.id("support-user"));
        browser.screenshot("support-order-card-laptop");

        order.findElement(By.cssSelector("a")).click();
        browser.waitForText(By.tagName("h1"), paid.orderId());
    }

    @Test
    void ops_seesTheWalletInFull() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("olga", "ops").open("/support?q=" + refund.userId());

        browser.waitForText(By.id("support-matched"), "user id");
        assertThat(browser.waitFor(By.id("support-user-facts")).getText().toLowerCase(Locale.ROOT))
                .contains(refund.wallet().toLowerCase(Locale.ROOT));
    }

    @Test
    void support_onAPhone_readsTheCardWithoutScrollingSideways() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("sari", "support").open("/support?q=" + refund.payoutId());

        browser.waitForText(By.id("support-matched"), "payout id");
        browser.waitFor(By.cssSelector("#support-suggestions .suggestion"));
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("support-card-phone");
        browser.scrollTo(By.id("support-payouts"));
        browser.screenshot("support-card-payouts-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aMiss_saysWhatWasSearched() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("sari", "support").open("/support");
        search("nobody-" + PayoutRequests.newId("x") + "@example.com");

        WebElement missing = browser.waitFor(By.id("support-not-found"));
        assertThat(missing.getText()).contains("404");
        assertThat(browser.all(By.id("support-card"))).isEmpty();
        browser.screenshot("support-not-found-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aReviewer_isToldWhoMayLookPeopleUp() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("rita", "reviewer").open("/support?q=" + refund.userId());

        browser.waitForText(By.cssSelector("main .problem"), "403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText()).contains("support, ops, finance and super_admin");
        assertThat(browser.all(By.id("support-card"))).isEmpty();
    }
}
