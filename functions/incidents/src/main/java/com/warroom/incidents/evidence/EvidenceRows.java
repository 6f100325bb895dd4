package com.warroom.incidents.evidence;

import com.warroom.payments.Order;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutJournal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads the rows an evidence request concerns, each as DynamoDB holds it (seals and hashes included, so a bundle can be
 * checked against them later): key reads and bounded queries of partitions and indexes only, never a scan.
 * <ul>
 *   <li>orders: those named, and the users' orders created in the window (byUser); their payment events (the order's
 *       partition)</li>
 *   <li>payouts: those named, and the users' payouts created in the window (byUser)</li>
 *   <li>ledger entries: the journal entries of those orders (paid, the latest refund) and payouts (each submission's
 *       hold and release, the payment), and the lines of the users' own accounts ({@code exp:}, {@code referral_owed:})
 *       dated in the window</li>
 *   <li>audit entries in the window about any of them, the kill switches named, the findings and the tickets (byTarget)</li>
 *   <li>kill-switch states of the flags named (every scope), findings and tickets (with their history)</li>
 * </ul>
 */
final class EvidenceRows {

    /** The most rows one query may add (a user's orders in a month, an order's payment events, a target's audit entries). */
    static final int MAX_ROWS_PER_QUERY = 500;
    /** The most submissions of one payout whose hold and release are looked up (an ops retry starts a new one). */
    static final int MAX_SUBMISSIONS = 20;
    /** The user accounts of the ledger: EXP rewards and referral bonuses owed, {@code <kind>:<userId>}. */
    static final List<String> USER_ACCOUNT_KINDS = List.of("exp", "referral_owed");

    private static final int BATCH_GET_KEYS = 100;
    private static final int BATCH_GET_ROUNDS = 10;

    private final DynamoDbClient dynamo;
    private final EvidenceTables tables;

    EvidenceRows(DynamoDbClient dynamo, EvidenceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /** The rows of one kind, in a fixed order (by their keys). */
    record Rows(List<Map<String, AttributeValue>> items) {
        Rows {
            items = List.copyOf(items);
        }
    }

    /** Everything read for one request, by kind; {@link #KINDS} is the order of the bundle's sections. */
    record Snapshot(Map<String, Rows> byKind) {
        static final List<String> KINDS = List.of("orders", "paymentEvents", "payouts", "ledgerEntries", "auditEntries", "flags",
                "findings", "tickets");

        Snapshot {
            byKind = Map.copyOf(byKind);
        }

        Rows of(String kind) {
            return byKind.getOrDefault(kind, new Rows(List.of()));
        }

        /** The ids of the orders and payouts read, those found through a user's indexes included: what logs mention. */
        Set<String> orderAndPayoutIds() {
            Set<String> ids = new java.util.TreeSet<>();
            of("orders").items().forEach(item -> ids.add(s(item, "orderId")));
            of("payouts").items().forEach(item -> ids.add(s(item, "payoutId")));
            return ids;
        }
    }

    Snapshot read(String incidentId, EvidenceRequest request) {
        Map<String, Map<String, AttributeValue>> orders = byId(batchGet(tables.orders(), "orderId", request.orderIds()), "orderId");
        Map<String, Map<String, AttributeValue>> payouts = byId(batchGet(tables.payouts(), "payoutId", request.payoutIds()), "payoutId");
        for (String userId : request.userIds()) {
            orders.putAll(byId(createdIn(tables.orders(), Order.BY_USER, userId, request), "orderId"));
            payouts.putAll(byId(createdIn(tables.payouts(), Payout.BY_USER, userId, request), "payoutId"));
        }
        List<Map<String, AttributeValue>> paymentEvents = new ArrayList<>();
        orders.keySet().forEach(orderId -> paymentEvents.addAll(partition(tables.paymentEvents(), "orderId", orderId)));

        List<Map<String, AttributeValue>> ledger = new ArrayList<>(journal(orders.values(), payouts.values()));
        request.userIds().forEach(userId -> ledger.addAll(userLines(userId, request)));

        List<Map<String, AttributeValue>> flags = new ArrayList<>();
        request.flagKeys().forEach(flag -> flags.addAll(partition(tables.flags(), "flag", flag)));
        List<Map<String, AttributeValue>> findings = batchGet(tables.findings(), "findingId", request.findingIds());
        List<Map<String, AttributeValue>> tickets = new ArrayList<>();
        request.ticketIds().forEach(ticketId -> tickets.addAll(partition(tables.tickets(), "ticketId", ticketId)));

        Set<String> targets = new LinkedHashSet<>();
        targets.add("incident:" + incidentId);
        orders.keySet().forEach(id -> targets.add("order:" + id));
        payouts.keySet().forEach(id -> targets.add("payout:" + id));
        request.userIds().forEach(id -> targets.add("user:" + id));
        request.findingIds().forEach(id -> targets.add("reconcile-finding:" + id));
        request.ticketIds().forEach(id -> targets.add("support-ticket:" + id));
        flags.forEach(flag -> targets.add("flag:" + s(flag, "flag") + "@" + s(flag, "scope")));
        List<Map<String, AttributeValue>> audit = new ArrayList<>();
        targets.forEach(target -> audit.addAll(auditAbout(target, request)));

        Map<String, Rows> byKind = new LinkedHashMap<>();
        byKind.put("orders", sorted(orders.values(), "orderId"));
        byKind.put("paymentEvents", sorted(paymentEvents, "orderId", "eventKey"));
        byKind.put("payouts", sorted(payouts.values(), "payoutId"));
        byKind.put("ledgerEntries", sorted(ledger, "key", "seq"));
        byKind.put("auditEntries", sorted(audit, "chain", "seq"));
        byKind.put("flags", sorted(flags, "flag", "scope"));
        byKind.put("findings", sorted(findings, "findingId"));
        byKind.put("tickets", sorted(tickets, "ticketId", "item"));
        return new Snapshot(byKind);
    }

    /** The journal entries of the orders and payouts, by their deterministic ids. */
    private List<Map<String, AttributeValue>> journal(Iterable<Map<String, AttributeValue>> orders,
                                                      Iterable<Map<String, AttributeValue>> payouts) {
        List<String> entryIds = new ArrayList<>();
        for (Map<String, AttributeValue> order : orders) {
            String orderId = s(order, "orderId");
            entryIds.add("order-paid:" + orderId);
            long refunded = n(order, "refundedMinor");
            if (refunded > 0) {
                // each refund's entry is named by the refunded total after it: the latest is the order's own total
                entryIds.add("order-refund:" + orderId + ":" + refunded);
            }
        }
        for (Map<String, AttributeValue> payout : payouts) {
            String payoutId = s(payout, "payoutId");
            long submissions = Math.min(Math.max(n(payout, "submission"), 1), MAX_SUBMISSIONS);
            for (int submission = 1; submission <= submissions; submission++) {
                entryIds.add(PayoutJournal.holdId(payoutId, submission));
                entryIds.add(PayoutJournal.releaseId(payoutId, submission));
            }
            entryIds.add(PayoutJournal.paidId(payoutId));
        }
        List<Map<String, AttributeValue>> keys = entryIds.stream()
                .map(id -> Map.of("key", AttributeValue.fromS("journal#" + id), "seq", AttributeValue.fromN("0"))).toList();
        return batchGetKeys(tables.ledgerEntries(), keys);
    }

    /** The lines of a user's own ledger accounts dated in the window, every currency the account holds. */
    private List<Map<String, AttributeValue>> userLines(String userId, EvidenceRequest request) {
        List<Map<String, AttributeValue>> lines = new ArrayList<>();
        for (String kind : USER_ACCOUNT_KINDS) {
            String account = kind + ":" + userId;
            for (Map<String, AttributeValue> balance : partition(tables.ledgerBalances(), "account", account)) {
                String partition = "line#" + account + "#" + s(balance, "currency");
                partition(tables.ledgerEntries(), "key", partition).stream()
                        .filter(line -> within(s(line, "at"), request))
                        .forEach(lines::add);
            }
        }
        return lines;
    }

    /** Audit entries about {@code target} in the window, through the byTarget index. */
    private List<Map<String, AttributeValue>> auditAbout(String target, EvidenceRequest request) {
        return query(QueryRequest.builder().tableName(tables.audit()).indexName("byTarget")
                .keyConditionExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", "target"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(target)))
                .scanIndexForward(false))
                .stream().filter(entry -> within(s(entry, "at"), request)).toList();
    }

    /**
     * A user's rows created in the window, through a byUser index keyed on createdAt. ISO instants with and without a
     * fraction do not sort exactly as text within one second, so the key condition takes a second more on each side and
     * the window is then applied to the parsed instants.
     */
    private List<Map<String, AttributeValue>> createdIn(String table, String index, String userId, EvidenceRequest request) {
        return query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#u = :u AND #c BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#u", "userId", "#c", "createdAt"))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId),
                        ":from", AttributeValue.fromS(request.from().minusSeconds(1).toString()),
                        ":to", AttributeValue.fromS(request.to().plusSeconds(1).toString()))))
                .stream().filter(item -> within(s(item, "createdAt"), request)).toList();
    }

    private List<Map<String, AttributeValue>> partition(String table, String keyName, String key) {
        return query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#k = :k")
                .expressionAttributeNames(Map.of("#k", keyName))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key))));
    }

    private List<Map<String, AttributeValue>> query(QueryRequest.Builder request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder page = request.limit(MAX_ROWS_PER_QUERY - items.size());
            page.exclusiveStartKey(start);
            QueryResponse response = dynamo.query(page.build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? new HashMap<>(response.lastEvaluatedKey()) : null;
        } while (start != null && items.size() < MAX_ROWS_PER_QUERY);
        return items;
    }

    private List<Map<String, AttributeValue>> batchGet(String table, String keyName, List<String> ids) {
        return batchGetKeys(table, ids.stream().map(id -> Map.of(keyName, AttributeValue.fromS(id))).toList());
    }

    /** Strongly consistent BatchGetItem, 100 keys at a time, unprocessed keys asked again a few times. */
    private List<Map<String, AttributeValue>> batchGetKeys(String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_KEYS) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_KEYS));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == BATCH_GET_ROUNDS) {
                    throw new EvidenceUnavailable("DynamoDB left " + pending.size() + " keys of " + table + " unread after "
                            + BATCH_GET_ROUNDS + " rounds", null);
                }
                KeysAndAttributes asked = KeysAndAttributes.builder().keys(List.copyOf(pending)).consistentRead(true).build();
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, asked)));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                KeysAndAttributes left = response.unprocessedKeys().get(table);
                pending = left == null ? List.of() : left.keys();
            }
        }
        return items;
    }

    private static boolean within(String at, EvidenceRequest request) {
        Optional<Instant> instant = instant(at);
        return instant.isPresent() && !instant.get().isBefore(request.from()) && !instant.get().isAfter(request.to());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Map<String, AttributeValue>> byId(List<Map<String, AttributeValue>> items, String keyName) {
        Map<String, Map<String, AttributeValue>> byId = new TreeMap<>();
        items.forEach(item -> byId.put(s(item, keyName), item));
        return byId;
    }

    /** Distinct rows ordered by their key attributes (numbers compared as numbers). */
    private static Rows sorted(Iterable<Map<String, AttributeValue>> items, String... keyNames) {
        Map<List<String>, Map<String, AttributeValue>> distinct = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items) {
            List<String> key = new ArrayList<>();
            for (String name : keyNames) {
                key.add(sortable(item.get(name)));
            }
            distinct.put(key, item);
        }
        Comparator<List<String>> order = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return new Rows(distinct.entrySet().stream().sorted(Map.Entry.comparingByKey(order)).map(Map.Entry::getValue).toList());
    }

    // numbers zero-padded so that they sort as numbers (sequence numbers are non-negative longs)
    private static String sortable(AttributeValue value) {
        if (value == null) {
            return "";
        }
        if (value.n() != null) {
            return "%020d".formatted(Long.parseLong(value.n()));
        }
        return value.s() == null ? "" : value.s();
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
