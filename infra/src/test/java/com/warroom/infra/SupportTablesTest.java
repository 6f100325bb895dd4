package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.payments.Order;
import com.warroom.payments.PaymentEvent;
import com.warroom.payouts.Payout;
import com.warroom.payouts.UserProfile;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What issue 13 (support) added to the tables, checked by name: the tickets table with the five indexes its filters
 * query, and the indexes support's lookup finds people and money by. The generic DataTablesTest checks whatever the
 * topology holds; this one fails when an index the lookup or the tickets depend on drops out of the topology or is
 * renamed, and when the attributes the writers' schemas put in an index are not the ones AWS indexes.
 */
class SupportTablesTest {

    private static final SynthesizedWarroom APP = SynthesizedWarroom.get();

    /** One index support depends on: its table, name and key attributes (all strings). */
    record LookupIndex(TableDef table, String name, String partitionKey, Optional<String> sortKey) {
        @Override
        public String toString() {
            return table.logicalName() + " " + name;
        }
    }

    static Stream<LookupIndex> lookupIndexes() {
        return Stream.of(
                new LookupIndex(Topology.USERS, "byWallet", "walletKey", Optional.empty()),
                new LookupIndex(Topology.ORDERS, "byUser", "userId", Optional.of("createdAt")),
                new LookupIndex(Topology.ORDERS, "byEmail", "emailKey", Optional.of("createdAt")),
                new LookupIndex(Topology.PAYMENT_EVENTS, "byTransaction", "transactionId", Optional.empty()),
                new LookupIndex(Topology.PAYOUTS, "byUser", "userId", Optional.of("createdAt")),
                new LookupIndex(Topology.PAYOUTS, "byTxHash", "txHash", Optional.empty()),
                new LookupIndex(Topology.PLATFORM_EVENTS, "byUser", "userId", Optional.of("occurredAt")),
                new LookupIndex(Topology.PLATFORM_EVENTS, "byTxHash", "txHash", Optional.empty()),
                new LookupIndex(Topology.TICKETS, "byUser", "userId", Optional.of("createdAt")));
    }

    /** The tables support reads or writes that issue 13 gave new indexes (or, for tickets, made). */
    static Stream<TableDef> supportTables() {
        return Stream.of(Topology.USERS, Topology.ORDERS, Topology.PAYMENT_EVENTS, Topology.PAYOUTS, Topology.PLATFORM_EVENTS,
                Topology.TICKETS);
    }

    /** The shared schemas that write the indexed attributes, with the indexes their tags name. */
    static Stream<Arguments> writerSchemas() {
        return Stream.of(
                Arguments.of(Topology.USERS, UserProfile.SCHEMA, List.of(UserProfile.BY_WALLET)),
                Arguments.of(Topology.ORDERS, Order.SCHEMA, List.of(Order.BY_STATUS, Order.BY_USER, Order.BY_EMAIL)),
                Arguments.of(Topology.PAYMENT_EVENTS, PaymentEvent.SCHEMA, List.of(PaymentEvent.BY_TRANSACTION)),
                Arguments.of(Topology.PAYOUTS, Payout.SCHEMA, List.of(Payout.BY_STATUS, Payout.BY_USER, Payout.BY_TX_HASH)));
    }

    @Test
    void tickets_whenDeployed_areKeyedByTicketAndItemWithTheFiveIndexesTheirFiltersQuery() {
        Map<String, Object> table = properties(table(Topology.TICKETS));

        assertThat(table.get("KeySchema")).isEqualTo(keySchema("ticketId", Optional.of("item")));
        assertThat(list(table.get("GlobalSecondaryIndexes"))).containsExactlyInAnyOrder(
                globalIndex("byCreated", "listKey", Optional.of("createdAt")),
                globalIndex("byStatus", "status", Optional.of("createdAt")),
                globalIndex("byUser", "userId", Optional.of("createdAt")),
                globalIndex("byAssignee", "assignee", Optional.of("createdAt")),
                globalIndex("byPriority", "priority", Optional.of("createdAt")));
        assertThat(list(table.get("AttributeDefinitions"))).containsExactlyInAnyOrderElementsOf(Stream.of("ticketId", "item",
                        "listKey", "createdAt", "status", "userId", "assignee", "priority")
                .map(name -> Map.of("AttributeName", name, "AttributeType", "S")).toList());
        // a ticket and its history are kept: nothing expires them
        assertThat(table).doesNotContainKey("TimeToLiveSpecification");
    }

    @ParameterizedTest
    @MethodSource("lookupIndexes")
    void lookupIndex_whenDeployed_isAGlobalIndexOnTheAttributesTheLookupQueries(LookupIndex index) {
        Map<String, Object> table = properties(table(index.table()));

        assertThat(list(table.get("GlobalSecondaryIndexes"))).as(index.toString())
                .contains(globalIndex(index.name(), index.partitionKey(), index.sortKey()));
        List<Map<String, String>> keyAttributes = new ArrayList<>();
        keyAttributes.add(Map.of("AttributeName", index.partitionKey(), "AttributeType", "S"));
        index.sortKey().ifPresent(sort -> keyAttributes.add(Map.of("AttributeName", sort, "AttributeType", "S")));
        assertThat(list(table.get("AttributeDefinitions"))).as(index.toString()).containsAll(keyAttributes);
    }

    @ParameterizedTest
    @MethodSource("supportTables")
    void table_whenSupportReadsIt_hasPointInTimeRecoveryDeletionProtectionAndIsRetained(TableDef definition) {
        Map<String, Object> resource = table(definition);

        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(properties(resource))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true));
    }

    @ParameterizedTest
    @MethodSource("writerSchemas")
    void writerSchema_whenItTagsAnIndex_writesTheKeysTheDeployedIndexHas(TableDef definition, TableSchema<?> schema, List<String> indexes) {
        List<Object> deployed = list(properties(table(definition)).get("GlobalSecondaryIndexes"));

        for (String index : indexes) {
            String partitionKey = schema.tableMetadata().indexPartitionKey(index);
            Optional<String> sortKey = schema.tableMetadata().indexSortKey(index);
            assertThat(deployed).as("%s %s", definition.logicalName(), index).contains(globalIndex(index, partitionKey, sortKey));
        }
    }

    @Test
    void topology_whenSupportIsDeployed_holdsTheTicketsTable() {
        assertThat(APP.topology.tables()).contains(Topology.TICKETS);
        assertThat(APP.topology.tables().stream().map(TableDef::logicalName)).containsOnlyOnce("tickets");
    }

    private static Map<String, Object> table(TableDef definition) {
        Map<String, Object> resource = APP.resource(APP.stack.tables().table(definition));
        assertThat(resource).containsEntry("Type", "AWS::DynamoDB::Table");
        return resource;
    }

    private static List<Map<String, String>> keySchema(String partitionKey, Optional<String> sortKey) {
        List<Map<String, String>> schema = new ArrayList<>();
        schema.add(Map.of("AttributeName", partitionKey, "KeyType", "HASH"));
        sortKey.ifPresent(key -> schema.add(Map.of("AttributeName", key, "KeyType", "RANGE")));
        return schema;
    }

    private static Map<String, Object> globalIndex(String name, String partitionKey, Optional<String> sortKey) {
        return Map.of("IndexName", name, "KeySchema", keySchema(partitionKey, sortKey), "Projection", Map.of("ProjectionType", "ALL"));
    }
}
