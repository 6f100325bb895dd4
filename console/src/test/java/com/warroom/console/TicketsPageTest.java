package com.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Tickets pages in real browsers against ./warroom up: support files a bug for a user, prioritises, assigns, comments
 * (internal and to the user), follows it up, moves it on, marks it reproduced then fixed, and sees the EXP granted once
 * (and the ledger holds it once); ops sorts and filters the dashboard and toggles followed-up from the list; on a phone
 * both pages read without scrolling sideways; a role that does not work tickets is told who does.
 */
class TicketsPageTest extends ConsoleBrowserTest {

    private static Tickets tickets;
    private static String dashboardUser;
    private static String bug;
    private static String question;
    private static String suggestion;
    private Browser browser;

    @BeforeAll
    static void aUserReportedThreeThings() throws Exception {
        tickets = new Tickets(warroom);
        dashboardUser = PayoutRequests.newId("u-tix");
        bug = tickets.file(dashboardUser, "BUG", "The claim button spins forever", "Since yesterday the claim button never stops.");
        question = tickets.file(dashboardUser, "QUESTION", "How long does a refund take?", "I asked for one on Monday.");
        suggestion = tickets.file(dashboardUser, "SUGGESTION", "Dark mode please", "My eyes hurt at night.");
        tickets.change(bug, "priority", "{\"priority\":\"CRITICAL\"}", "ops");
    }

    private List<String> rowIds() {
        return browser.all(By.cssSelector("#tickets tbody tr")).stream().map(r -> r.getAttribute("data-ticket-id")).toList();
    }

    private void waitForRows(int count) {
        browser.waitUntil(() -> browser.all(By.cssSelector("#tickets tbody tr")).size() == count);
    }

    private void act(By button, String done) {
        browser.driver().findElement(button).click();
        browser.waitForText(By.id("ticket-done"), done);
    }

    @Test
    void support_filesABug_worksItThrough_andSeesTheExpGrantedOnce() throws Exception {
        String userId = PayoutRequests.newId("u-bug");
        browser = newBrowser(Browser.LAPTOP).signIn("sari", "support").open("/tickets?new=1&userId=" + userId);

        assertThat(browser.waitFor(By.id("new-ticket-user")).getAttribute("value")).isEqualTo(userId);
        new Select(browser.driver().findElement(By.id("new-ticket-type"))).selectByValue("BUG");
        browser.driver().findElement(By.id("new-ticket-title-input")).sendKeys("Refund page shows the wrong amount");
        browser.driver().findElement(By.id("new-ticket-body")).sendKeys("It shows IDR 0 for my refund of IDR 150,000.");
        browser.driver().findElement(By.id("new-ticket-email")).sendKeys(userId + "@example.com");
        browser.driver().findElement(By.id("new-ticket-submit")).click();
        browser.waitForText(By.tagName("h1"), "Refund page shows the wrong amount");
        String ticketId = browser.driver().getCurrentUrl().replaceAll(".*#/tickets/", "");
        assertThat(browser.driver().findElement(By.id("ticket-facts")).getText()).contains("Open").contains("Bug").contains(userId);

        new Select(browser.driver().findElement(By.id("ticket-priority"))).selectByValue("HIGH");
        act(By.id("ticket-priority-submit"), "Priority set");
        browser.waitForText(By.id("ticket-facts"), "High");

        act(By.id("ticket-assign-me"), "Assigned");
        browser.waitForText(By.id("ticket-assignee-now"), "sari");

        browser.driver().findElement(By.id("ticket-comment-body")).sendKeys("Reproduced on staging with a partial refund.");
        act(By.id("ticket-comment-submit"), "Comment added");
        browser.driver().findElement(By.id("comment-user")).click();
        browser.driver().findElement(By.id("ticket-comment-body")).sendKeys("Terima kasih, kami sedang memperbaikinya.");
        act(By.id("ticket-comment-submit"), "Comment added");
        browser.waitFor(By.cssSelector("#ticket-history-list .event.comment[data-visibility=USER]"));
        assertThat(browser.driver().findElement(By.cssSelector("#ticket-history-list .event.comment[data-visibility=INTERNAL]")).getText())
                .contains("Internal").contains("Reproduced on staging");

        browser.driver().findElement(By.id("ticket-followed-up")).click();
        browser.waitForText(By.id("ticket-done"), "Follow-up saved");
        browser.waitUntil(() -> browser.driver().findElement(By.id("ticket-followed-up")).isSelected());

        new Select(browser.driver().findElement(By.id("ticket-next-status"))).selectByValue("IN_PROGRESS");
        browser.driver().findElement(By.id("ticket-status-note")).sendKeys("Looking into the refund view");
        act(By.id("ticket-status-submit"), "Status changed");
        browser.waitForText(By.id("ticket-facts"), "In progress");

        new Select(browser.driver().findElement(By.id("ticket-link-kind"))).selectByValue("incident");
        String incident = tickets.incident("Refund view shows the wrong amount");
        browser.driver().findElement(By.id("ticket-link-id")).sendKeys(incident);
        act(By.id("ticket-link-submit"), "Link added");
        browser.waitForText(By.id("ticket-links-list"), incident);

        assertThat(browser.driver().findElement(By.id("ticket-exp")).getText()).doesNotContain("EXP granted");
        browser.driver().findElement(By.cssSelector("#ticket-bug form button[type=submit]")).click();
        browser.waitForText(By.id("ticket-reproduced"), "sari");
        browser.driver().findElement(By.cssSelector("#ticket-bug form textarea")).sendKeys("The view read the wrong field");
        browser.driver().findElement(By.cssSelector("#ticket-bug form button[type=submit]")).click();
        browser.waitForText(By.id("ticket-exp"), "EXP granted");

        WebElement exp = browser.driver().findElement(By.id("ticket-exp"));
        assertThat(exp.getText()).as("HIGH pays 200 EXP (config/seed-v1.json)").contains("EXP 200").contains("exp-reward:" + ticketId);
        assertThat(browser.all(By.cssSelector("#ticket-bug form"))).as("nothing left to mark").isEmpty();
        browser.screenshot("ticket-bug-fixed-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        List<String> kinds = browser.all(By.cssSelector("#ticket-history-list > li")).stream().map(e -> e.getAttribute("data-kind")).toList();
        assertThat(kinds).as("the history, oldest first").startsWith("CREATED").contains("PRIORITY", "ASSIGNED", "COMMENT", "FOLLOW_UP",
                "STATUS", "LINKED", "REPRODUCED", "FIXED");
        assertThat(kinds.stream().filter("EXP_GRANTED"::equals)).hasSize(1);
        browser.scrollTo(By.id("ticket-history"));
        browser.screenshot("ticket-bug-history-laptop");

        browser.driver().findElement(By.id("ticket-refresh")).click();
        browser.waitForText(By.id("ticket-exp"), "EXP 200");
        assertThat(browser.all(By.id("ticket-exp"))).hasSize(1);
        assertThat(tickets.read(ticketId).path("exp").path("amount").asLong()).isEqualTo(200);
        RunningWarroom.Answer account = warroom.call("GET", "/v1/admin/ledger/accounts/exp:" + userId, null,
                warroom.token("fin", "finance"));
        assertThat(account.status()).as(account.body().toString()).isEqualTo(200);
        assertThat(account.body().path("entries")).as("one ledger entry, however often the page was read").hasSize(1);
    }

    @Test
    void ops_sortsFiltersAndTogglesFollowedUpFromTheList() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("olga", "ops").open("/tickets?userId=" + dashboardUser);

        waitForRows(3);
        assertThat(rowIds()).as("newest first").containsExactly(suggestion, question, bug);
        RunningWarroom.Answer metrics = warroom.call("GET", "/v1/support/metrics", null, warroom.token("olga", "ops"));
        assertThat(browser.waitFor(By.id("metrics-volume")).getText()).startsWith(metrics.body().path("tickets").asText() + " ")
                .contains("bug " + metrics.body().path("volumeByType").path("BUG").asText());
        assertThat(metrics.body().path("volumeByType").path("QUESTION").asLong()).isPositive();
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-ticket-id='" + bug + "']")).getText())
                .contains("Bug").contains("Critical").contains("Open");

        new Select(browser.driver().findElement(By.id("ticket-sort"))).selectByValue("createdAt");
        browser.waitUntil(() -> rowIds().equals(List.of(bug, question, suggestion)));
        assertThat(browser.driver().getCurrentUrl()).contains("sort=createdAt").contains("userId=" + dashboardUser);

        new Select(browser.driver().findElement(By.id("ticket-sort"))).selectByValue("priority");
        browser.waitUntil(() -> !rowIds().isEmpty() && rowIds().getFirst().equals(bug));

        new Select(browser.driver().findElement(By.id("filter-type"))).selectByValue("QUESTION");
        browser.driver().findElement(By.id("ticket-filters-submit")).click();
        browser.waitUntil(() -> rowIds().equals(List.of(question)));
        assertThat(browser.driver().findElement(By.id("ticket-list-title")).getText()).contains("Question tickets of " + dashboardUser);

        WebElement toggle = browser.driver().findElement(By.cssSelector("tr[data-ticket-id='" + question + "'] input.follow-up-toggle"));
        assertThat(toggle.isSelected()).isFalse();
        toggle.click();
        browser.waitUntil(() -> browser.driver().findElement(By.cssSelector("tr[data-ticket-id='" + question + "'] input.follow-up-toggle")).isSelected());
        assertThat(tickets.read(question).path("followedUp").asBoolean()).isTrue();
        browser.scrollTo(By.id("ticket-list-title"));
        browser.screenshot("tickets-dashboard-laptop");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.open("/tickets?followedUp=false&userId=" + dashboardUser);
        waitForRows(2);
        assertThat(rowIds()).containsExactlyInAnyOrder(bug, suggestion);
    }

    @Test
    void support_onAPhone_readsTheDashboardAndATicket() throws Exception {
        browser = newBrowser(Browser.PHONE).signIn("sari", "support").open("/tickets?userId=" + dashboardUser);

        waitForRows(3);
        browser.waitFor(By.id("ticket-metrics")).findElement(By.tagName("summary")).click();
        browser.waitFor(By.id("metrics-csat"));
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("tickets-metrics-phone");
        browser.scrollTo(By.id("ticket-list-title"));
        browser.screenshot("tickets-dashboard-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.driver().findElement(By.cssSelector("tr[data-ticket-id='" + bug + "'] a.ticket-title")).click();
        browser.waitForText(By.tagName("h1"), "The claim button spins forever");
        browser.waitFor(By.id("ticket-history-list"));
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("ticket-phone");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void finance_isToldWhoWorksTickets() throws Exception {
        browser = newBrowser(Browser.LAPTOP).signIn("fiona", "finance").open("/tickets");

        browser.waitForText(By.cssSelector("main .problem"), "403");
        assertThat(browser.driver().findElement(By.cssSelector("main .who-may")).getText()).contains("support, ops and super_admin");
        assertThat(browser.all(By.id("tickets"))).isEmpty();
        assertThat(browser.all(By.id("new-ticket"))).isEmpty();
    }
}
