package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The config page in a real browser, against ./warroom up: what is in force, copying addresses, asking for a change. */
class ConfigPageTest extends ConsoleBrowserTest {

    // the seed's evm:1 USDT wallet: a valid checksummed address that is not evm:1 USDC's
    private static final String OTHER_ADDRESS = "0xb04278962e3D4e57fbfB6071B946a8DfD3F01321";

    private Browser browser;

    @Test
    void onAPhone_everyTreasuryAddressIsShownInFull_andCopyPutsItOnTheClipboard() throws Exception {
        JsonNode treasury = warroom.call("GET", "/v1/config/treasury", null, warroom.token("helen", "ops")).body();
        browser = newBrowser(Browser.PHONE).signIn("helen", "ops").open("/config");
        browser.waitFor(By.cssSelector("#treasury li.wallet"));

        assertThat(browser.all(By.cssSelector("#treasury li.wallet"))).hasSize(treasury.path("treasury").size());
        for (JsonNode wallet : treasury.path("treasury")) {
            WebElement shown = browser.driver().findElement(By.cssSelector("li.wallet[data-chain='" + wallet.path("chain").asText()
                    + "'][data-asset='" + wallet.path("asset").asText() + "'] .address"));
            assertThat(shown.getText().replaceAll("\\s", "")).isEqualTo(wallet.path("address").asText());
            assertThat(overflows(shown)).as("%s fits its box, wrapped rather than cut", wallet).isFalse();
        }
        assertThat(overflows(browser.driver().findElement(By.tagName("html")))).as("no sideways scrolling on a phone").isFalse();
        assertThat(browser.driver().findElement(By.id("config-version")).getText())
                .contains("version " + treasury.path("version").asText());

        // headless Chromium grants clipboard access only when asked through the DevTools protocol
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", warroom.console().resolve("/").toString().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        JsonNode solana = null;
        for (JsonNode wallet : treasury.path("treasury")) {
            if (wallet.path("chain").asText().equals("solana")) {
                solana = wallet;
            }
        }
        WebElement row = browser.driver().findElement(By.cssSelector("li.wallet[data-chain='solana'][data-asset='"
                + solana.path("asset").asText() + "']"));
        scrollTo(row);
        WebElement copy = row.findElement(By.tagName("button"));
        assertThat(copy.getAccessibleName()).isEqualTo("Copy the " + solana.path("asset").asText() + " address on solana");
        copy.click();
        browser.waitForText(By.cssSelector("#" + row.getAttribute("id") + " .copied"), "Copied");
        Object clipboard = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
        assertThat(clipboard).isEqualTo(solana.path("address").asText());
        browser.screenshot("config-phone-treasury");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void onALaptop_theFeeRulesShowTheirSplits_asTheApiGivesThem() throws Exception {
        JsonNode rules = warroom.call("GET", "/v1/config/fee-rules", null, warroom.token("ivan", "support")).body().path("feeRules");
        browser = newBrowser(Browser.LAPTOP).signIn("ivan", "support").open("/config");
        browser.waitFor(By.cssSelector("#fee-rules .fee-rule"));
        browser.waitFor(By.cssSelector("#networks"));

        assertThat(browser.all(By.cssSelector("#fee-rules .fee-rule"))).hasSize(rules.size());
        for (var rule : (Iterable<Map.Entry<String, JsonNode>>) rules::fields) {
            WebElement card = browser.driver().findElement(By.id("fee-" + rule.getKey()));
            List<String> shown = new ArrayList<>();
            card.findElements(By.cssSelector("table.splits tbody tr")).forEach(r -> shown.add(r.getText()));
            List<String> given = new ArrayList<>();
            rule.getValue().path("splits").forEach(s -> given.add(s.path("to").asText() + " " + s.path("bps").asInt() + " "
                    + s.path("bps").asInt() / 100 + "." + String.format("%02d", s.path("bps").asInt() % 100) + "%"));
            assertThat(shown).as(rule.getKey()).isEqualTo(given);
            assertThat(card.findElement(By.cssSelector("tfoot")).getText()).isEqualTo("Total 10000 100.00%");
        }
        assertThat(browser.driver().findElement(By.id("fee-bonding_swap")).getText()).contains("150 bps").contains("1.50%");
        assertThat(browser.driver().findElement(By.id("fee-blue_check")).getText()).contains("USD 10.00").contains("1000 minor units");
        assertThat(browser.all(By.id("change-form"))).as("support may not ask for changes").isEmpty();
        browser.screenshot("config-laptop");
        scrollTo(browser.driver().findElement(By.id("fees-title")));
        browser.screenshot("config-laptop-fee-rules");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aFinancePerson_requestsATreasuryChange_andSeesTheLinkToItsApproval() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("judy", "finance").open("/config");
        fillTreasuryChange("USDC", OTHER_ADDRESS, "Rotating the USDC treasury to the new custody wallet");
        WebElement replaces = browser.waitFor(By.id("change-replaces"));
        assertThat(replaces.getText()).contains("0x");
        browser.driver().findElement(By.cssSelector("#change-form button[type=submit]")).click();

        WebElement done = browser.waitFor(By.id("change-requested"));
        String href = done.findElement(By.tagName("a")).getAttribute("href");
        assertThat(href).contains("#/approvals/");
        String approvalId = done.findElement(By.tagName("a")).getText();
        assertThat(href).endsWith("#/approvals/" + approvalId);
        assertThat(done.getText()).contains("PENDING");
        JsonNode approval = warroom.call("GET", "/v1/admin/approvals/" + approvalId, null, warroom.token("auditor", "super_admin")).body();
        assertThat(approval.path("action").asText()).isEqualTo("CONFIG_CHANGE");
        assertThat(approval.path("requestedBy").asText()).isEqualTo("judy");
        assertThat(approval.path("payload").toString()).contains(OTHER_ADDRESS).contains("treasury.set");
        assertThat(browser.driver().findElement(By.id("change-address")).getAttribute("value")).as("the form is cleared").isEmpty();
        scrollTo(browser.driver().findElement(By.id("change-reason")));
        browser.screenshot("config-phone-change-requested");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void anAddressWithoutItsChecksum_showsThe422ProblemNamingTheAddressField() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("judy", "finance").open("/config");
        fillTreasuryChange("USDT", OTHER_ADDRESS.toLowerCase(), "Moving USDT to the cold wallet this week");
        browser.driver().findElement(By.cssSelector("#change-form button[type=submit]")).click();

        WebElement problem = browser.waitFor(By.cssSelector("#change-form .problem"));
        assertThat(problem.getText()).contains("422").contains("payload.address");
        assertThat(browser.all(By.id("change-requested"))).isEmpty();
        scrollTo(problem);
        browser.screenshot("config-laptop-change-refused");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aFinancePerson_seesTheExpRewards_andAsksToChangeThemFromTheOnesInForce() throws Exception {
        JsonNode rewards = warroom.call("GET", "/v1/config/exp-rewards", null, warroom.token("judy", "finance")).body().path("expRewards");
        browser = newBrowser(Browser.LAPTOP).signIn("judy", "finance").open("/config");
        browser.waitFor(By.cssSelector("#exp-rewards tbody tr"));

        List<String> shown = new ArrayList<>();
        browser.all(By.cssSelector("#exp-rewards tbody tr")).forEach(r -> shown.add(r.getText()));
        assertThat(shown).containsExactly("CRITICAL " + rewards.path("CRITICAL").asLong(), "HIGH " + rewards.path("HIGH").asLong(),
                "MEDIUM " + rewards.path("MEDIUM").asLong(), "LOW " + rewards.path("LOW").asLong());
        browser.waitFor(By.id("change-form"));
        new Select(browser.driver().findElement(By.id("change-kind"))).selectByValue("exp_rewards.set");
        browser.waitFor(By.id("change-exp-current")).click();
        assertThat(browser.driver().findElement(By.id("change-exp-LOW")).getAttribute("value")).isEqualTo(rewards.path("LOW").asText());
        WebElement high = browser.driver().findElement(By.id("change-exp-HIGH"));
        high.clear();
        high.sendKeys("300");
        browser.driver().findElement(By.id("change-reason")).sendKeys("HIGH bugs take longer to reproduce: reward them more");
        scrollTo(browser.driver().findElement(By.id("change-exp")));
        browser.screenshot("config-laptop-exp-rewards-change");
        browser.driver().findElement(By.cssSelector("#change-form button[type=submit]")).click();

        WebElement done = browser.waitFor(By.id("change-requested"));
        String approvalId = done.findElement(By.tagName("a")).getText();
        JsonNode approval = warroom.call("GET", "/v1/admin/approvals/" + approvalId, null, warroom.token("auditor", "super_admin")).body();
        assertThat(approval.path("payload").path("kind").asText()).isEqualTo("exp_rewards.set");
        assertThat(approval.path("payload").path("payload").path("expRewards").path("HIGH").asLong()).isEqualTo(300);
        assertThat(approval.path("payload").path("payload").path("expRewards").path("CRITICAL").asLong())
                .isEqualTo(rewards.path("CRITICAL").asLong());
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // the approvals inbox says in words what the request asks for
        browser.open("/approvals");
        browser.waitForText(By.tagName("main"), "set the EXP a fixed bug earns to");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Config change exp_rewards.set: set the EXP a fixed bug earns to CRITICAL "
                + rewards.path("CRITICAL").asLong() + ", HIGH 300, MEDIUM " + rewards.path("MEDIUM").asLong() + ", LOW " + rewards.path("LOW").asLong());
        browser.screenshot("config-laptop-exp-rewards-approval");
    }

    @Test
    void aBadExpReward_showsThe422ProblemNamingThePriority() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("judy", "finance").open("/config");
        browser.waitFor(By.id("change-form"));
        new Select(browser.driver().findElement(By.id("change-kind"))).selectByValue("exp_rewards.set");
        browser.waitFor(By.id("change-exp-CRITICAL")).sendKeys("500");
        browser.driver().findElement(By.id("change-exp-HIGH")).sendKeys("200");
        browser.driver().findElement(By.id("change-exp-MEDIUM")).sendKeys("1.5");
        browser.driver().findElement(By.id("change-exp-LOW")).sendKeys("0");
        browser.driver().findElement(By.id("change-reason")).sendKeys("Trying numbers that the rules refuse");
        browser.driver().findElement(By.cssSelector("#change-form button[type=submit]")).click();

        WebElement problem = browser.waitFor(By.cssSelector("#change-form .problem"));
        assertThat(problem.getText()).contains("422").contains("payload.expRewards.MEDIUM").contains("payload.expRewards.LOW");
        assertThat(browser.all(By.id("change-requested"))).isEmpty();
        scrollTo(problem);
        browser.screenshot("config-phone-exp-rewards-refused");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void anOpsPerson_seesNoChangeForm_asTheApiWouldRefuseThem() throws Exception {
        RunningWarroom.Answer refused = warroom.call("POST", "/v1/admin/config/changes",
                "{\"kind\":\"network.remove\",\"payload\":{\"chain\":\"evm:56\"},\"reason\":\"ops may not ask for this\"}",
                warroom.token("kate", "ops"));
        assertThat(refused.status()).isEqualTo(403);

        browser = newBrowser(Browser.LAPTOP).signIn("kate", "ops").open("/config");
        browser.waitFor(By.cssSelector("#treasury li.wallet"));
        assertThat(browser.all(By.id("change-form"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("change-not-allowed")).getText())
                .isEqualTo("Only super_admin and finance may request a config change.");
    }

    private void fillTreasuryChange(String asset, String address, String reason) {
        browser.waitFor(By.id("change-form"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#change-chain option[value='evm:1']")));
        new Select(browser.driver().findElement(By.id("change-kind"))).selectByValue("treasury.set");
        new Select(browser.driver().findElement(By.id("change-chain"))).selectByValue("evm:1");
        browser.driver().findElement(By.id("change-asset")).sendKeys(asset);
        browser.driver().findElement(By.id("change-address")).sendKeys(address);
        browser.driver().findElement(By.id("change-reason")).sendKeys(reason);
    }

    private boolean overflows(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].scrollWidth > arguments[0].clientWidth", element);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }
}
