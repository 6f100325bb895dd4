package com.warroom.console;

import static com.warroom.console.PayoutRequests.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The payout queue and a payout's page in real browsers, against ./warroom up: payouts requested through the API and
 * paid (or refused, or held) by the custody simulator; the filters; a failed payout's Retry double-clicked; a stuck
 * payout settled by a two-person override, its evidence in the approvals inbox; and what each role may do.
 */
class PayoutsPageTest extends ConsoleBrowserTest {

    // a guard against a hang while the approval workflow applies a decision, not a timing assertion
    private static final Duration WORKFLOW_GUARD = Duration.ofSeconds(60);

    private static PayoutRequests payouts;
    private Browser browser;

    @BeforeAll
    static void platform() {
        payouts = new PayoutRequests(warroom);
    }

    @Test
    void aFailedPayout_retriedWithADoubleClick_isRetriedOnce() throws Exception {
        String user = PayoutRequests.newId("u");
        String address = payouts.registerUser(user);
        String failed = PayoutRequests.newId("PF");
        payouts.inject(failed, "reject");
        payouts.request(failed, user, "REFUND", "12.50");
        payouts.await(failed, status("FAILED"));
        String paid = PayoutRequests.newId("PC");
        payouts.request(paid, user, "WITHDRAWAL", "3.00");
        payouts.await(paid, status("CONFIRMED"));

        browser = newBrowser(Browser.LAPTOP).signIn("oren", "ops").open("/payouts?user=" + user);
        WebElement row = browser.waitFor(row(failed));
        // amounts exactly as the API writes them (USDC has 6 decimals); the address shortened, in full on hover and to screen readers
        assertThat(row.getText()).contains("Failed").contains("USDC 12.500000").contains("Refund").contains("refused");
        WebElement shortened = row.findElement(By.cssSelector(".addr"));
        assertThat(shortened.getAttribute("title")).isEqualTo(address);
        assertThat(shortened.findElement(By.cssSelector("code[aria-hidden=true]")).getText())
                .isEqualTo(address.substring(0, 6) + "…" + address.substring(address.length() - 4));
        assertThat(shortened.findElement(By.cssSelector("code.visually-hidden")).getAttribute("textContent")).isEqualTo(address);
        assertThat(browser.waitFor(row(paid)).getText()).contains("Confirmed").contains("USDC 3.000000");
        assertThat(browser.all(By.cssSelector(rowSelector(paid) + " button.retry"))).isEmpty();
        browser.screenshot("payouts-user-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // a quick view keeps the other filters, in the address
        browser.driver().findElement(By.linkText("Failed")).click();
        browser.waitForText(By.id("payout-list-title"), "Failed payouts of " + user);
        assertThat(browser.driver().getCurrentUrl()).contains("status=FAILED").contains("user=" + user);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> shownIds().equals(List.of(failed)));
        // the dates are in the address too: a day after today has none of them
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        browser.open("/payouts?user=" + user + "&from=" + tomorrow);
        browser.waitFor(By.id("payouts-empty"));
        browser.open("/payouts?status=FAILED&user=" + user);
        row = browser.waitFor(row(failed));

        new Actions(browser.driver()).doubleClick(row.findElement(By.cssSelector("button.retry"))).perform();
        browser.waitForText(By.id("retry-result"), "Retry queued");
        assertThat(browser.driver().findElement(By.id("retry-result")).getText()).contains(failed).contains("Requested");
        assertThat(browser.all(By.cssSelector("main .problem"))).isEmpty();
        assertThat(browser.all(By.cssSelector(rowSelector(failed) + " button.retry"))).isEmpty();
        browser.screenshot("payouts-retried-laptop");
        assertThat(retries(failed)).as("one retry for the double click").isEqualTo(1);

        // the retry is a new submission (the rail refused the first for good): held again, paid, confirmed
        JsonNode confirmed = payouts.await(failed, status("CONFIRMED"));
        assertThat(confirmed.path("submission").asInt()).isEqualTo(2);
        assertThat(retries(failed)).isEqualTo(1);
        browser.driver().findElement(By.cssSelector(rowSelector(failed) + " a")).click();
        browser.waitForText(By.cssSelector("main h1"), failed);
        browser.waitForText(By.id("payout-ledger"), "payout-paid:" + failed);
        assertThat(texts(By.cssSelector("#payout-ledger li"))).hasSize(4);
        assertThat(browser.driver().findElement(By.id("payout-ledger")).getText())
                .contains("payout-hold:" + failed + ":1").contains("payout-release:" + failed + ":1")
                .contains("payout-hold:" + failed + ":2").contains("treasury:evm:1:USDC").contains("payout_paid:evm:1:USDC");
        assertThat(browser.driver().findElement(By.id("cannot-retry")).getText()).contains("this one is Confirmed");
        browser.screenshot("payout-detail-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.scrollTo(By.id("payout-ledger-title"));
        browser.screenshot("payout-detail-ledger-laptop");

        browser.open("/daily-ops");
        browser.waitFor(By.id("ops-payouts-summary"));
        assertThat(browser.driver().findElement(By.id("ops-payouts-summary")).getText()).contains("Stuck payouts").contains("Refund queue");
        browser.scrollTo(By.id("ops-payouts"));
        browser.screenshot("daily-ops-payouts-laptop");
    }

    @Test
    void aStuckPayout_overriddenByTwoPeople_showsItsEvidence_inTheInboxAndOnThePayout() throws Exception {
        String user = PayoutRequests.newId("u");
        payouts.registerUser(user);
        String other = PayoutRequests.newId("PC");
        payouts.request(other, user, "WITHDRAWAL", "1.00");
        payouts.await(other, status("CONFIRMED"));
        // the custodian takes it and never finishes it; two hours pass
        String held = PayoutRequests.newId("PH");
        payouts.inject(held, "hold");
        payouts.request(held, user, "VESTING_CLAIM", "40.00");
        payouts.await(held, p -> p.path("status").asText().equals("SUBMITTED")
                && p.path("railStatus").asText().equals("PENDING_AUTHORIZATION"));
        payouts.age(held, Duration.ofHours(2));

        browser = newBrowser(Browser.LAPTOP).signIn("fiona", "finance").open("/payouts");
        browser.waitFor(By.id("filter-user")).sendKeys(user);
        browser.driver().findElement(By.id("filter-stuck")).click();
        browser.driver().findElement(By.cssSelector("#payout-filters button[type=submit]")).click();
        browser.waitForText(By.id("payout-list-title"), "Stuck payouts of " + user);
        assertThat(browser.driver().getCurrentUrl()).contains("stuck=true").contains("user=" + user);
        WebElement row = browser.waitFor(row(held));
        assertThat(row.getText()).contains("Submitted").contains("Stuck").contains("PENDING_AUTHORIZATION");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> shownIds().equals(List.of(held)));
        browser.screenshot("payouts-stuck-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        row.findElement(By.cssSelector("a")).click();
        browser.waitFor(By.id("override-form"));
        assertThat(browser.driver().findElement(By.id("cannot-retry")).getText()).contains("this one is Submitted");
        // sent empty: the API names both fields, nothing is asked
        browser.driver().findElement(By.id("override-submit")).click();
        assertThat(browser.waitFor(By.cssSelector("#override-form .problem")).getText()).contains("400").contains("railReference").contains("note");
        assertThat(browser.driver().findElement(By.id("override-note")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(pendingOverrides(held)).isEmpty();
        browser.driver().findElement(By.id("override-reference")).sendKeys("WIRE-2026-0042");
        browser.driver().findElement(By.id("override-note")).sendKeys("Paid by hand from the cold wallet; checked on the explorer");
        scrollTo(By.id("payout-actions"));
        browser.screenshot("payout-override-form-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        new Actions(browser.driver()).doubleClick(browser.driver().findElement(By.id("override-submit"))).perform();
        browser.waitForText(By.id("override-requested"), "Override requested");
        assertThat(browser.all(By.cssSelector("main .problem"))).isEmpty();
        assertThat(browser.all(By.id("override-form"))).isEmpty();
        scrollTo(By.id("payout-actions"));
        browser.screenshot("payout-override-requested-laptop");
        List<JsonNode> asked = pendingOverrides(held);
        assertThat(asked).as("one override request for the double click").hasSize(1);
        String approval = asked.get(0).path("id").asText();

        // the requester, back on the payout: it waits for someone else
        browser.driver().navigate().refresh();
        assertThat(browser.waitFor(By.id("override-pending")).getText()).contains("You asked for it").contains("fiona");
        assertThat(browser.all(By.id("override-form"))).isEmpty();

        Browser phone = newBrowser(Browser.PHONE).signIn("fiona", "finance").open("/approvals");
        WebElement inbox = phone.waitFor(By.cssSelector("li[data-approval-id='" + approval + "']"));
        assertThat(inbox.getText()).contains("Mark payout " + held + " confirmed").contains("WIRE-2026-0042")
                .contains("Paid by hand from the cold wallet").contains("SUBMITTED when asked").contains("you asked for this");
        assertThat(phone.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        phone.screenshot("approvals-payout-override-phone");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
        inbox.findElement(By.cssSelector("h3 a")).click();
        phone.waitFor(By.id("override-evidence"));
        assertThat(phone.driver().findElement(By.id("override-evidence")).getText()).contains(held).contains("MARK_CONFIRMED")
                .contains("WIRE-2026-0042");
        assertThat(phone.driver().findElement(By.id("cannot-decide")).getText()).isEqualTo("You asked for this; someone else must decide.");

        Browser second = newBrowser(Browser.LAPTOP).signIn("sasha", "super_admin").open("/approvals/" + approval);
        second.waitFor(By.id("approve-comment")).sendKeys("Checked the wire with the bank");
        second.screenshot("approvals-payout-override-laptop");
        second.driver().findElement(By.id("approve-button")).click();
        new WebDriverWait(second.driver(), WORKFLOW_GUARD).until(d -> d.findElement(By.id("decision-result")).getText().contains("Applied"));

        JsonNode settled = payouts.await(held, status("CONFIRMED"));
        assertThat(settled.path("override").path("railReference").asText()).isEqualTo("WIRE-2026-0042");
        second.open("/payouts/" + held);
        WebElement evidence = second.waitFor(By.id("override-evidence"));
        assertThat(evidence.getText()).contains("MARK_CONFIRMED").contains("WIRE-2026-0042").contains("fiona").contains("sasha")
                .contains("Paid by hand from the cold wallet");
        assertThat(second.driver().findElement(By.id("payout-ledger")).getText()).contains("payout-paid:" + held);
        assertThat(second.driver().findElement(By.id("cannot-override")).getText()).contains("final");
        assertThat(second.driver().findElement(By.id("payout-meaning")).getText()).contains("settled by a two-person override");
        second.scrollTo(By.id("payout-actions"));
        second.screenshot("payout-overridden-laptop");
        assertThat(second.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void peopleWhoMayNotActOnAPayout_seeNoButtons_andWhy() throws Exception {
        String user = PayoutRequests.newId("u");
        payouts.registerUser(user);
        String failed = PayoutRequests.newId("PF");
        payouts.inject(failed, "reject");
        payouts.request(failed, user, "SBT_CLAIM", "7.25");
        payouts.await(failed, status("FAILED"));

        browser = newBrowser(Browser.PHONE).signIn("sid", "support").open("/payouts?status=FAILED&user=" + user);
        WebElement row = browser.waitFor(row(failed));
        assertThat(row.getText()).contains("Failed").contains("USDC 7.250000");
        assertThat(browser.all(By.cssSelector("main button.retry"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("payout-role-note")).getText()).contains("support").contains("read only");
        assertThat(browser.scrollsSideways()).as("no sideways scrolling on a phone").isFalse();
        browser.screenshot("payouts-support-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.scrollTo(By.id("payout-list-title"));
        browser.screenshot("payouts-support-phone-list");

        browser.open("/payouts/" + failed);
        assertThat(browser.waitFor(By.id("cannot-retry")).getText()).contains("needs the role ops or finance").contains("support");
        assertThat(browser.driver().findElement(By.id("cannot-override")).getText()).contains("needs the role finance or super_admin");
        assertThat(browser.all(By.cssSelector("#payout-actions button"))).isEmpty();
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("payout-detail-support-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.close();

        browser = newBrowser(Browser.LAPTOP).signIn("sam", "super_admin").open("/payouts/" + failed);
        assertThat(browser.waitFor(By.id("cannot-retry")).getText()).contains("needs the role ops or finance");
        assertThat(browser.driver().findElement(By.id("cannot-override")).getText()).contains("A Failed payout is final");
        assertThat(browser.all(By.id("override-form"))).isEmpty();
        browser.close();

        browser = newBrowser(Browser.LAPTOP).signIn("otto", "ops").open("/payouts/" + failed);
        browser.waitFor(By.id("retry-button"));
        assertThat(browser.driver().findElement(By.id("cannot-override")).getText()).contains("needs the role finance or super_admin");
        browser.close();

        browser = newBrowser(Browser.PHONE).signIn("rita", "reviewer").open("/payouts");
        assertThat(browser.waitFor(By.cssSelector("main .problem")).getText()).contains("403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText()).contains("read by ops, finance, super_admin and support");
        assertThat(browser.all(By.cssSelector("main button.retry"))).isEmpty();
        browser.screenshot("payouts-reviewer-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    private static By row(String payoutId) {
        return By.cssSelector(rowSelector(payoutId));
    }

    private static String rowSelector(String payoutId) {
        return "#payouts tr[data-payout-id='" + payoutId + "']";
    }

    private List<String> shownIds() {
        return browser.all(By.cssSelector("#payouts tbody tr")).stream().map(r -> r.getAttribute("data-payout-id")).toList();
    }

    private List<String> texts(By by) {
        return browser.all(by).stream().map(WebElement::getText).toList();
    }

    private void scrollTo(By by) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.driver().findElement(by));
    }

    /** The payout.retry audit entries of the payout: one per retry that changed it. */
    private static int retries(String payoutId) throws Exception {
        int count = 0;
        for (JsonNode entry : warroom.auditEntries("payout:" + payoutId)) {
            if (entry.path("action").asText().equals("payout.retry")) {
                count++;
            }
        }
        return count;
    }

    /** The PENDING PAYOUT_OVERRIDE requests of the payout, through the API. */
    private static List<JsonNode> pendingOverrides(String payoutId) throws Exception {
        RunningWarroom.Answer answer = warroom.call("GET", "/v1/admin/approvals?status=PENDING&limit=100", null,
                warroom.token("auditor", "super_admin"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode approval : answer.body().path("approvals")) {
            if (approval.path("action").asText().equals("PAYOUT_OVERRIDE") && approval.path("payload").path("payoutId").asText().equals(payoutId)) {
                found.add(approval);
            }
        }
        return found;
    }
}
