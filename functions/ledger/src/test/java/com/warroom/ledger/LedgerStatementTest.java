package com.warroom.ledger;

import static com.warroom.ledger.Entries.leg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link Ledger#statement}: balances with their seal checked, lines newest first, paged with an opaque cursor. */
@ExtendWith(EmbeddedStackExtension.class)
class LedgerStatementTest {

    private LedgerFixture fixture;
    private Ledger ledger;
    private AccountId clearing;
    private AccountId revenue;

    @BeforeEach
    void setUp(EmbeddedStack stack) {
        fixture = new LedgerFixture(stack);
        ledger = fixture.ledger();
        clearing = fixture.account("psp_clearing", "midtrans");
        revenue = fixture.account("revenue", "courses");
    }

    @Test
    void statement_whenNeverPostedTo_hasNoBalancesAndNoLines() {
        AccountStatement statement = ledger.statement(fixture.account("revenue", "nothing"), Optional.empty(), 20);

        assertThat(statement.balances()).isEmpty();
        assertThat(statement.lines()).isEmpty();
        assertThat(statement.nextCursor()).isEmpty();
    }

    @Test
    void statement_showsTheBalanceAndTheLinesNewestFirst() {
        for (int i = 1; i <= 3; i++) {
            ledger.post(Entries.transfer(fixture.id("e-" + i), clearing, revenue, "IDR", 100L * i));
        }

        AccountStatement statement = fixture.ledger().statement(revenue, Optional.empty(), 20);

        assertThat(statement.account()).isEqualTo(revenue);
        assertThat(statement.balances()).containsExactly(
                new AccountStatement.Balance("IDR", 600, 3, fixture.id("e-3"), true));
        assertThat(statement.lines()).containsExactly(
                new AccountStatement.Line("IDR", 3, fixture.id("e-3"), "test:" + fixture.id("e-3"), Entries.AT, 300, 600),
                new AccountStatement.Line("IDR", 2, fixture.id("e-2"), "test:" + fixture.id("e-2"), Entries.AT, 200, 300),
                new AccountStatement.Line("IDR", 1, fixture.id("e-1"), "test:" + fixture.id("e-1"), Entries.AT, 100, 100));
        assertThat(statement.nextCursor()).isEmpty();
        assertThat(ledger.statement(clearing, Optional.empty(), 20).balances())
                .containsExactly(new AccountStatement.Balance("IDR", -600, 3, fixture.id("e-3"), true));
    }

    @Test
    void statement_pagesThroughEveryLineOnce() {
        for (int i = 1; i <= 7; i++) {
            ledger.post(Entries.transfer(fixture.id("e-" + i), clearing, revenue, "IDR", i));
        }

        List<List<Long>> pages = pages(revenue, 3);

        assertThat(pages).containsExactly(List.of(7L, 6L, 5L), List.of(4L, 3L, 2L), List.of(1L));
    }

    @Test
    void statement_whenThePageEndsWithTheLastLine_handsOutNoCursor() {
        for (int i = 1; i <= 4; i++) {
            ledger.post(Entries.transfer(fixture.id("e-" + i), clearing, revenue, "IDR", i));
        }

        assertThat(pages(revenue, 2)).containsExactly(List.of(4L, 3L), List.of(2L, 1L));
        assertThat(pages(revenue, 4)).containsExactly(List.of(4L, 3L, 2L, 1L));
        assertThat(pages(revenue, 1)).hasSize(4);
    }

    @Test
    void statement_whenSeveralCurrencies_pagesEachNewestFirstInCurrencyOrder() {
        for (int i = 1; i <= 3; i++) {
            ledger.post(Entries.transfer(fixture.id("idr-" + i), clearing, revenue, "IDR", i));
        }
        for (int i = 1; i <= 2; i++) {
            ledger.post(Entries.of(fixture.id("jpy-" + i), leg(clearing, "JPY", -i), leg(revenue, "JPY", i)));
        }

        assertThat(labels(revenue, 2)).containsExactly(List.of("IDR 3", "IDR 2"), List.of("IDR 1", "JPY 2"), List.of("JPY 1"));
        assertThat(labels(revenue, 3)).containsExactly(List.of("IDR 3", "IDR 2", "IDR 1"), List.of("JPY 2", "JPY 1"));
        assertThat(labels(revenue, 100)).containsExactly(List.of("IDR 3", "IDR 2", "IDR 1", "JPY 2", "JPY 1"));
        assertThat(ledger.statement(revenue, Optional.empty(), 1).balances()).extracting(AccountStatement.Balance::currency)
                .containsExactly("IDR", "JPY");
    }

    @Test
    void statement_whenGivenAnotherAccountsCursor_isRefused() {
        for (int i = 1; i <= 3; i++) {
            ledger.post(Entries.transfer(fixture.id("e-" + i), clearing, revenue, "IDR", i));
        }
        String cursor = ledger.statement(revenue, Optional.empty(), 1).nextCursor().orElseThrow();

        assertThat(StatementCursor.decode(cursor, clearing)).isEmpty();
        assertThatThrownBy(() -> ledger.statement(clearing, Optional.of(cursor), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.statement(revenue, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.statement(revenue, Optional.empty(), 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statement_whilePostingsLand_neverCallsTheBooksTampered() {
        ledger.post(Entries.transfer(fixture.id("e-0"), clearing, revenue, "IDR", 1));
        Ledger writer = fixture.ledger();
        Thread posting = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= 15; i++) {
                writer.post(Entries.transfer(fixture.id("e-" + i), clearing, revenue, "IDR", 1));
            }
        });
        List<AccountStatement.Balance> seen = new ArrayList<>();
        while (posting.isAlive()) {
            seen.addAll(ledger.statement(revenue, Optional.empty(), 2).balances());
        }

        assertThat(seen).isNotEmpty().allSatisfy(b -> assertThat(b.sealIntact()).isTrue());
        assertThat(fixture.balance(revenue, "IDR")).isEqualTo(16);
    }

    private List<List<Long>> pages(AccountId account, int limit) {
        return collect(account, limit).stream().map(page -> page.stream().map(AccountStatement.Line::seq).toList()).toList();
    }

    private List<List<String>> labels(AccountId account, int limit) {
        return collect(account, limit).stream()
                .map(page -> page.stream().map(l -> l.currency() + " " + l.seq()).toList()).toList();
    }

    private List<List<AccountStatement.Line>> collect(AccountId account, int limit) {
        List<List<AccountStatement.Line>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            AccountStatement page = ledger.statement(account, cursor, limit);
            assertThat(page.lines()).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
            pages.add(page.lines());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages.size() < 20);
        return pages;
    }
}
