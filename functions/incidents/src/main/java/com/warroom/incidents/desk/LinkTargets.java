package com.warroom.incidents.desk;

import com.warroom.aws.Settings;
import com.warroom.incidents.IncidentLink;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether the thing a link names exists: a reconcile finding, an order, a payout, a support ticket, each read by its key
 * in the table it belongs to (read only).
 */
public final class LinkTargets {

    private record Target(String table, String keyName, Map<String, AttributeValue> extraKey) {
    }

    private final DynamoDbClient dynamo;
    private final Map<IncidentLink.Kind, Target> targets = new EnumMap<>(IncidentLink.Kind.class);

    /** {@code tableName} gives the table of a topology table (its environment name in a function, its local name in tests). */
    public LinkTargets(DynamoDbClient dynamo, Function<TableDef, String> tableName) {
        this.dynamo = dynamo;
        targets.put(IncidentLink.Kind.FINDING, new Target(tableName.apply(Topology.RECONCILE_FINDINGS), "findingId", Map.of()));
        targets.put(IncidentLink.Kind.ORDER, new Target(tableName.apply(Topology.ORDERS), "orderId", Map.of()));
        targets.put(IncidentLink.Kind.PAYOUT, new Target(tableName.apply(Topology.PAYOUTS), "payoutId", Map.of()));
        targets.put(IncidentLink.Kind.TICKET, new Target(tableName.apply(Topology.TICKETS), "ticketId",
                Map.of("item", AttributeValue.fromS("ticket"))));
    }

    public static LinkTargets fromSettings(DynamoDbClient dynamo) {
        return new LinkTargets(dynamo, table -> Settings.require(table.envVar()));
    }

    /** Whether {@code id} of {@code kind} exists; a kind this class does not read (flag) never does. */
    public boolean exists(IncidentLink.Kind kind, String id) {
        Target target = targets.get(kind);
        if (target == null) {
            return false;
        }
        Map<String, AttributeValue> key = new HashMap<>(target.extraKey());
        key.put(target.keyName(), AttributeValue.fromS(id));
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(target.table()).key(key)
                .projectionExpression("#k").expressionAttributeNames(Map.of("#k", target.keyName()))).item();
        return item != null && !item.isEmpty();
    }
}
