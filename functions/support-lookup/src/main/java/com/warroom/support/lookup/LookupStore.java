package com.warroom.support.lookup;

import com.warroom.flags.FlagStore;
import com.warroom.payments.Entitlement;
import com.warroom.payments.Order;
import com.warroom.payments.PaymentEvent;
import com.warroom.payouts.Payout;
import com.warroom.payouts.PayoutStore;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Every read the lookup makes, each a key read or one bounded query of an index: nothing here scans a table or writes.
 * The indexes are eventually consistent, which a card can live with (it says what was there a moment ago).
 */
final class LookupStore {

    /** The most items of one kind a card shows (newest first); a match older than these is added to them. */
    static final int RECENT = 20;
    /** The most rows one identifier can match (a wallet shared by several users, an email on many orders). */
    static final int MAX_MATCHES = 50;
    /** The most open findings examined for a card; the open ones are few, and this bounds a bad day's read. */
    static final int MAX_FINDINGS_EXAMINED = 1000;

    static final String OPEN = "OPEN";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    private static final Logger LOG = LoggerFactory.getLogger(LookupStore.class);

    private final DynamoDbClient dynamo;
    private final LookupTables tables;
    private final UserStore users;
    private final DynamoDbIndex<UserProfile> usersByWallet;
    private final DynamoDbTable<Order> orders;
    private final DynamoDbTable<PaymentEvent> paymentEvents;
    private final PayoutStore payoutStore;
    private final DynamoDbTable<Payout> payouts;
    private final DynamoDbTable<Entitlement> entitlements;
    private final FlagStore flags;

    LookupStore(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, LookupTables tables, FlagStore flags) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.users = new UserStore(enhanced, tables.users());
        this.usersByWallet = enhanced.table(tables.users(), UserProfile.SCHEMA).index(UserProfile.BY_WALLET);
        this.orders = enhanced.table(tables.orders(), Order.SCHEMA);
        this.paymentEvents = enhanced.table(tables.paymentEvents(), PaymentEvent.SCHEMA);
        this.payoutStore = new PayoutStore(enhanced, tables.payouts());
        this.payouts = enhanced.table(tables.payouts(), Payout.SCHEMA);
        this.entitlements = enhanced.table(tables.entitlements(), Entitlement.SCHEMA);
        this.flags = flags;
    }

    /** What the platform-events table says happened to a user (its item as taken in). */
    record EventRow(String eventId, String type, String occurredAt, String detail, Optional<String> userId) {
    }

    /** A reconcile finding, the fields a card shows. */
    record FindingRow(String findingId, String check, String subject, String risk, String status) {
    }

    /** A support ticket, the fields of its ticket item a card shows. */
    record TicketRow(String ticketId, String type, String status, String title, String createdAt) {
    }

    Optional<UserProfile> user(String userId) {
        return users.find(userId);
    }

    List<UserProfile> usersByWallet(String walletKey) {
        return firstItems(usersByWallet, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(walletKey).build())), MAX_MATCHES);
    }

    Optional<Order> order(String orderId) {
        return Optional.ofNullable(orders.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(orderId).build()).consistentRead(true).build()));
    }

    /** A user's newest orders, newest first. */
    List<Order> ordersByUser(String userId) {
        return newest(orders.index(Order.BY_USER), userId, RECENT);
    }

    /** The newest orders placed with an email ({@link Order#emailKey}), newest first. */
    List<Order> ordersByEmail(String email) {
        return newest(orders.index(Order.BY_EMAIL), Order.emailKey(email), MAX_MATCHES);
    }

    /** The notifications Midtrans sent with this {@code transaction_id}. */
    List<PaymentEvent> paymentEventsByTransaction(String transactionId) {
        return firstItems(paymentEvents.index(PaymentEvent.BY_TRANSACTION), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(transactionId).build())), MAX_MATCHES);
    }

    Optional<Payout> payout(String payoutId) {
        return payoutStore.find(payoutId);
    }

    /** A user's newest payouts, newest first. */
    List<Payout> payoutsByUser(String userId) {
        return newest(payouts.index(Payout.BY_USER), userId, RECENT);
    }

    List<Payout> payoutsByTxHash(String txHash) {
        return firstItems(payouts.index(Payout.BY_TX_HASH), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(txHash).build())), MAX_MATCHES);
    }

    /** The entitlements the user holds or held, one per item. */
    List<Entitlement> entitlements(String userId) {
        return firstItems(entitlements, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build())), 1000);
    }

    /** A user's newest contributions, referral claims and refunds, newest first. */
    List<EventRow> eventsByUser(String userId) {
        return query(tables.platformEvents(), "byUser", "userId", userId, RECENT, false).stream().map(LookupStore::event).toList();
    }

    /** The contributions made in one chain transaction. */
    List<EventRow> eventsByTxHash(String txHash) {
        return query(tables.platformEvents(), "byTxHash", "txHash", txHash, MAX_MATCHES, true).stream().map(LookupStore::event).toList();
    }

    /** A user's newest tickets, newest first (only ticket items carry the index key). */
    List<TicketRow> ticketsByUser(String userId) {
        return query(tables.tickets(), "byUser", "userId", userId, RECENT, false).stream()
                .map(item -> new TicketRow(s(item, "ticketId"), s(item, "type"), s(item, "status"), s(item, "title"), s(item, "createdAt")))
                .toList();
    }

    /** The reconcile findings nobody has resolved: OPEN, then ACKNOWLEDGED, oldest first within each. */
    List<FindingRow> unresolvedFindings() {
        List<FindingRow> rows = new ArrayList<>();
        for (String status : List.of(OPEN, ACKNOWLEDGED)) {
            List<Map<String, AttributeValue>> items = query(tables.findings(), "byStatus", "status", status, MAX_FINDINGS_EXAMINED, true);
            if (items.size() == MAX_FINDINGS_EXAMINED) {
                LOG.warn("over {} {} reconcile findings: a lookup's card shows those about its user among the oldest {} only",
                        MAX_FINDINGS_EXAMINED, status, MAX_FINDINGS_EXAMINED);
            }
            items.forEach(item -> rows.add(new FindingRow(s(item, "findingId"), s(item, "check"), s(item, "subject"), s(item, "risk"),
                    s(item, "status"))));
        }
        return rows;
    }

    /** Every kill-switch state, with whether it matched its seal. */
    FlagStore.Load flags() {
        return flags.load();
    }

    private static <T> List<T> newest(DynamoDbIndex<T> index, String partition, int limit) {
        return firstItems(index, QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(false), limit);
    }

    private static <T> List<T> firstItems(DynamoDbIndex<T> index, QueryEnhancedRequest.Builder request, int limit) {
        return index.query(request.limit(limit).build()).stream().map(Page::items).flatMap(List::stream).limit(limit).toList();
    }

    private static <T> List<T> firstItems(DynamoDbTable<T> table, QueryEnhancedRequest.Builder request, int limit) {
        return table.query(request.limit(limit).build()).stream().map(Page::items).flatMap(List::stream).limit(limit).toList();
    }

    private List<Map<String, AttributeValue>> query(String table, String index, String key, String value, int limit, boolean forward) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression("#k = :v")
                    .expressionAttributeNames(Map.of("#k", key))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
                    .scanIndexForward(forward)
                    .limit(limit - items.size());
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(request.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? new HashMap<>(page.lastEvaluatedKey()) : null;
        } while (start != null && items.size() < limit);
        return items;
    }

    private static EventRow event(Map<String, AttributeValue> item) {
        return new EventRow(s(item, "eventId"), s(item, "type"), s(item, "occurredAt"), s(item, "detail"),
                Optional.ofNullable(item.get("userId")).map(AttributeValue::s));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
