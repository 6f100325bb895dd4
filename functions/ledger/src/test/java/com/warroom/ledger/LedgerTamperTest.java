package com.warroom.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.local.stack.RecordedMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Someone with write access to the ledger tables (the console, the CLI, a leaked role) edits them directly: the next
 * posting to the account is refused with {@link LedgerTampered}, counted as the {@code LedgerTampered} metric, and
 * writes nothing, whichever ledger instance tries (including the one that sealed the balance itself). Postings to
 * other accounts go on.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LedgerTamperTest {

    private static RecordedMetrics metrics;
    private LedgerFixture fixture;
    private Ledger ledger;
    private AccountId clearing;
    private AccountId revenue;

    @BeforeAll
    static void recordMetrics() {
        metrics = RecordedMetrics.install();
    }

    @AfterAll
    static void restoreMetrics() {
        metrics.close();
    }

    @BeforeEach
    void setUp(EmbeddedStack stack) {
        fixture = new LedgerFixture(stack);
        ledger = fixture.ledger();
        clearing = fixture.account("psp_clearing", "midtrans");
        revenue = fixture.account("revenue", "courses");
        ledger.post(Entries.transfer(fixture.id("e-1"), clearing, revenue, "IDR", 15_000_000));
        ledger.post(Entries.transfer(fixture.id("e-2"), clearing, revenue, "IDR", 5_000_000));
        metrics.clear();
    }

    @Test
    void post_whenABalanceWasEditedInTheTable_isRefused() {
        editBalance(revenue, item -> with(item, "balance", AttributeValue.fromN("900000000")));

        // its newest line says otherwise: caught before the seal is even checked
        assertRefused(ledger, revenue, "the balance does not match line 2");
    }

    @Test
    void post_whenABalanceAndItsNewestLineWereEditedToAgree_isRefusedByTheSeal_evenByTheLedgerThatSealedIt() {
        editBalance(revenue, item -> with(item, "balance", AttributeValue.fromN("900000000")));
        Map<String, AttributeValue> newest = new HashMap<>(fixture.rawLine(revenue, "IDR", 2));
        newest.put("balanceAfter", AttributeValue.fromN("900000000"));
        LedgerLine rehashed = LedgerLine.SCHEMA.mapToItem(newest);
        newest.put("hash", AttributeValue.fromS(rehashed.computedHash()));
        fixture.putRawLine(newest);
        editBalance(revenue, item -> with(item, "lastLineHash", AttributeValue.fromS(rehashed.computedHash())));

        // the chain agrees with itself now; only the MAC over the balance shows the edit
        assertRefused(ledger, revenue, "does not match its seal");
        assertRefused(fixture.ledger(), revenue, "does not match its seal");
    }

    @Test
    void post_whenABalanceItemWasDeleted_isRefusedBecauseTheAccountHasLines() {
        Set<Map<String, AttributeValue>> before = without(fixture.everything(), fixture.rawBalance(revenue, "IDR"));
        fixture.deleteRawBalance(revenue, "IDR");

        assertThatThrownBy(() -> ledger.post(Entries.transfer(fixture.id("next"), clearing, revenue, "IDR", 1)))
                .isInstanceOfSatisfying(LedgerTampered.class, e -> {
                    assertThat(e.account()).isEqualTo(revenue);
                    assertThat(e.getMessage()).contains("the balance item is missing");
                });
        assertThat(fixture.everything()).isEqualTo(before);
        assertThat(tamperedCount()).isEqualTo(1);
    }

    @Test
    void post_whenTheLastLineHashWasForged_isRefused() {
        editBalance(revenue, item -> with(item, "lastLineHash", AttributeValue.fromS("f".repeat(64))));

        assertRefused(ledger, revenue, "last line hash");
    }

    @Test
    void post_whenTheMacWasReplacedByAnotherBalancesMac_isRefused() {
        String clearingMac = fixture.rawBalance(clearing, "IDR").get("mac").s();
        editBalance(revenue, item -> with(item, "mac", AttributeValue.fromS(clearingMac)));

        assertRefused(ledger, revenue, "does not match its seal");
    }

    @Test
    void post_whenTheEntryCountWasForgedBack_isRefusedBecauseALineLiesBeyondIt() {
        editBalance(revenue, item -> with(item, "entryCount", AttributeValue.fromN("1")));

        assertRefused(ledger, revenue, "beyond");
    }

    @Test
    void post_whenAnOlderGenuineBalanceWasPutBack_isRefusedByTheChain() {
        AccountId user = fixture.account("user", "u-7");
        ledger.post(Entries.transfer(fixture.id("top-up"), clearing, user, "IDR", 1_000));
        Map<String, AttributeValue> richer = fixture.rawBalance(user, "IDR");
        ledger.post(Entries.transfer(fixture.id("spend"), user, revenue, "IDR", 900));

        // a replay: the item and its MAC are genuine, only no longer the newest
        fixture.putRawBalance(richer);

        assertRefused(fixture.ledger(), user, "beyond");
    }

    @Test
    void post_whenALineWasAppendedPastTheBalance_isRefused() {
        Map<String, AttributeValue> forged = new HashMap<>(fixture.rawLine(revenue, "IDR", 2));
        forged.put("seq", AttributeValue.fromN("3"));
        forged.put("entryId", AttributeValue.fromS("forged"));
        fixture.putRawLine(forged);
        Set<Map<String, AttributeValue>> before = fixture.everything();

        assertThatThrownBy(() -> ledger.post(Entries.transfer(fixture.id("next"), clearing, revenue, "IDR", 1)))
                .isInstanceOf(LedgerTampered.class).hasMessageContaining("beyond");
        assertThat(fixture.everything()).isEqualTo(before);
    }

    @Test
    void post_whenTheNewestLineWasEdited_isRefused() {
        Map<String, AttributeValue> edited = new HashMap<>(fixture.rawLine(revenue, "IDR", 2));
        edited.put("minor", AttributeValue.fromN("1"));
        fixture.putRawLine(edited);

        assertRefused(ledger, revenue, "does not hash");
    }

    @Test
    void post_whenTheNewestLineWasDeleted_isRefused(EmbeddedStack stack) {
        stack.dynamoDb().deleteItem(b -> b.tableName(LedgerFixture.ENTRIES).key(Map.of(
                "key", AttributeValue.fromS("line#" + revenue.value() + "#IDR"), "seq", AttributeValue.fromN("2"))));

        assertRefused(ledger, revenue, "missing");
    }

    @Test
    void post_toOtherAccounts_goesOnWhileOneIsRefused() {
        editBalance(revenue, item -> with(item, "balance", AttributeValue.fromN("1")));
        AccountId other = fixture.account("revenue", "books");

        assertThat(ledger.post(Entries.transfer(fixture.id("other"), clearing, other, "IDR", 7)))
                .isInstanceOf(PostingOutcome.Posted.class);
        assertThat(fixture.balance(other, "IDR")).isEqualTo(7);
        assertThat(tamperedCount()).isZero();
    }

    @Test
    void statement_whenABalanceWasEdited_saysSoWithoutThrowing_andCountsTheMetric() {
        editBalance(revenue, item -> with(item, "balance", AttributeValue.fromN("900000000")));

        AccountStatement statement = fixture.ledger().statement(revenue, java.util.Optional.empty(), 10);

        assertThat(statement.balances()).singleElement().satisfies(b -> {
            assertThat(b.sealIntact()).isFalse();
            assertThat(b.minor()).as("what the table says, shown as tampered").isEqualTo(900_000_000);
        });
        assertThat(fixture.ledger().statement(clearing, java.util.Optional.empty(), 10).balances())
                .singleElement().satisfies(b -> assertThat(b.sealIntact()).isTrue());
        assertThat(tamperedCount()).isEqualTo(1);
    }

    @Test
    void statement_whenAnOlderLineWasEdited_saysTheBalanceIsTamperedWhenThePageShowsIt() {
        Map<String, AttributeValue> edited = new HashMap<>(fixture.rawLine(revenue, "IDR", 1));
        edited.put("minor", AttributeValue.fromN("1"));
        fixture.putRawLine(edited);

        assertThat(ledger.statement(revenue, java.util.Optional.empty(), 10).balances())
                .singleElement().satisfies(b -> assertThat(b.sealIntact()).isFalse());
        assertThat(tamperedCount()).isEqualTo(1);
    }

    private void assertRefused(Ledger by, AccountId account, String why) {
        Set<Map<String, AttributeValue>> before = fixture.everything();
        String id = fixture.id("after-tamper");

        assertThatThrownBy(() -> by.post(Entries.transfer(id, clearing, account, "IDR", 1)))
                .isInstanceOfSatisfying(LedgerTampered.class, e -> {
                    assertThat(e.account()).isEqualTo(account);
                    assertThat(e.getMessage()).contains(why);
                });
        assertThat(fixture.everything()).as("nothing written").isEqualTo(before);
        assertThat(fixture.journalHas(id)).isFalse();
        assertThat(tamperedCount()).isEqualTo(1);
        metrics.clear();
    }

    private void editBalance(AccountId account, UnaryOperator<Map<String, AttributeValue>> edit) {
        fixture.putRawBalance(edit.apply(fixture.rawBalance(account, "IDR")));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> item, String name, AttributeValue value) {
        Map<String, AttributeValue> edited = new HashMap<>(item);
        edited.put(name, value);
        return edited;
    }

    private static Set<Map<String, AttributeValue>> without(Set<Map<String, AttributeValue>> items, Map<String, AttributeValue> item) {
        Set<Map<String, AttributeValue>> rest = new java.util.HashSet<>(items);
        rest.remove(item);
        return rest;
    }

    private static long tamperedCount() {
        return metrics.points().stream().filter(p -> p.name().equals(LedgerTampered.METRIC)).count();
    }
}
