package com.warroom.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * One page of an account's lines: newest first within a currency, currencies in the order given, and where the next
 * page starts. The lines read are checked as they go: each hashes to what it says and links to the one before it;
 * the currencies where they do not are in {@code brokenLinks}.
 */
record StatementPage(List<AccountStatement.Line> lines, Optional<StatementCursor> next, Set<String> brokenLinks) {

    static StatementPage read(DynamoDbTable<LedgerLine> table, List<BalanceKey> held, Optional<StatementCursor> from, int limit) {
        int start = from.map(cursor -> held.stream().map(BalanceKey::currency).toList().indexOf(cursor.currency())).orElse(0);
        if (start < 0) {
            return new StatementPage(List.of(), Optional.empty(), Set.of());
        }
        List<AccountStatement.Line> page = new ArrayList<>();
        Set<String> broken = new HashSet<>();
        long before = from.map(StatementCursor::beforeSeq).orElse(Long.MAX_VALUE);
        for (int i = start; i < held.size(); i++) {
            BalanceKey key = held.get(i);
            int room = limit - page.size();
            if (room == 0) {
                return new StatementPage(page, Optional.of(new StatementCursor(key.account(), key.currency(), Long.MAX_VALUE)), broken);
            }
            // one line more than there is room for: it says whether this currency goes on, and its link is checked too
            List<LedgerLine> found = table.query(QueryEnhancedRequest.builder()
                            .queryConditional(QueryConditional.sortLessThan(
                                    Key.builder().partitionValue(key.linePartition()).sortValue(before).build()))
                            .scanIndexForward(false)
                            .consistentRead(true)
                            .limit(room + 1)
                            .build())
                    .items().stream().limit(room + 1).toList();
            if (!linked(found)) {
                broken.add(key.currency());
            }
            List<LedgerLine> kept = found.subList(0, Math.min(room, found.size()));
            for (LedgerLine line : kept) {
                Optional<Instant> at = instant(line.at());
                if (at.isEmpty()) {
                    broken.add(key.currency());
                }
                page.add(new AccountStatement.Line(key.currency(), line.seq(), line.entryId(), line.cause(),
                        at.orElse(Instant.EPOCH), line.minor(), line.balanceAfter()));
            }
            if (found.size() > room) {
                return new StatementPage(page, Optional.of(new StatementCursor(key.account(), key.currency(), kept.getLast().seq())), broken);
            }
            before = Long.MAX_VALUE;
        }
        return new StatementPage(page, Optional.empty(), broken);
    }

    /** Lines newest first: each hashes to its stored hash, names the previous line's hash, and none is skipped. */
    private static boolean linked(List<LedgerLine> newestFirst) {
        for (int i = 0; i < newestFirst.size(); i++) {
            LedgerLine line = newestFirst.get(i);
            if (!line.computedHash().equals(line.hash())) {
                return false;
            }
            if (line.seq() == 1 && !LedgerHash.GENESIS.equals(line.prevHash())) {
                return false;
            }
            if (i + 1 < newestFirst.size()) {
                LedgerLine older = newestFirst.get(i + 1);
                if (older.seq() != line.seq() - 1 || !Objects.equals(older.hash(), line.prevHash())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
