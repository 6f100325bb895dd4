package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Signing in (and in again after a 401, keeping what was typed) and the Daily Ops checklist, in a real browser. */
class SignInAndDailyOpsPageTest extends ConsoleBrowserTest {

    private Browser browser;

    @Test
    void signInPage_saysLocalOnly_andIsAccessible() throws Exception {
        browser = newBrowser(Browser.PHONE);
        browser.driver().get(warroom.console().toString());
        browser.waitFor(By.id("sign-in-sub"));

        assertThat(browser.driver().findElement(By.cssSelector(".banner")).getText()).contains("Local only");
        browser.screenshot("sign-in-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aRejectedToken_sendsThePersonToSignIn_andBackToWhatTheyTyped() throws Exception {
        String round = "T" + UUID.randomUUID().toString().substring(0, 6);
        browser = newBrowser(Browser.LAPTOP).signIn("erin", "ops").open("/flags");
        browser.waitFor(By.id("disable-form"));
        browser.driver().findElement(By.id("new-id")).sendKeys(round);
        browser.driver().findElement(By.id("new-reason")).sendKeys("Typed before the token went bad");
        // the token's signature no longer verifies: the API answers 401, as for an expired or revoked one
        ((JavascriptExecutor) browser.driver()).executeScript(
                "const t = sessionStorage.getItem('warroom.token'); sessionStorage.setItem('warroom.token', t.slice(0, -4) + 'AAAA');");
        browser.driver().findElement(By.cssSelector("#disable-form button[type=submit]")).click();

        browser.waitFor(By.id("sign-in-sub"));
        browser.driver().findElement(By.id("sign-in-sub")).clear();
        browser.driver().findElement(By.id("sign-in-sub")).sendKeys("erin");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        browser.waitFor(By.id("new-reason"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/flags");
        assertThat(browser.driver().findElement(By.id("new-reason")).getDomProperty("value")).isEqualTo("Typed before the token went bad");
        assertThat(browser.driver().findElement(By.id("new-id")).getDomProperty("value")).isEqualTo(round);
        assertThat(warroom.auditEntries("flag:project.submission@round:" + round))
                .as("nothing was written with the rejected token").isEmpty();
    }

    @Test
    void dailyOps_showsDisabledFlowsTheAuditBadgeAndHealth() throws Exception {
        String round = "O" + UUID.randomUUID().toString().substring(0, 6);
        String token = warroom.token("frank", "ops");
        RunningWarroom.Answer set = warroom.call("POST", "/v1/admin/system-flags/set",
                "{\"flag\":\"payout\",\"scope\":\"round:" + round + "\",\"enabled\":false,\"reason\":\"Payout rail degraded\"}", token);
        assertThat(set.status()).as("%s", set.body()).isEqualTo(200);

        browser = newBrowser(Browser.PHONE).signIn("frank", "ops").open("/daily-ops");

        browser.waitForText(By.id("disabled-flags"), "round:" + round);
        assertThat(browser.driver().findElement(By.id("disabled-flags")).getText()).contains("payout").contains("Payout rail degraded");
        browser.waitForText(By.id("audit-verify"), "Chain verified");
        browser.waitForText(By.id("health"), "ok");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Payout failures")
                .contains("Pending transaction aging").contains("Reconcile status").contains("Alarms")
                .doesNotContain("Not available yet");
        browser.screenshot("daily-ops-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
}
