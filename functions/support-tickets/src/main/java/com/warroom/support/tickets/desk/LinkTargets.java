package com.warroom.support.tickets.desk;

import com.warroom.incidents.IncidentItem;
import com.warroom.support.tickets.TicketLink;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether what a ticket links to exists: a reconcile finding or an incident (read only: they belong to reconcile and to
 * the incidents function).
 */
public final class LinkTargets {

    private final DynamoDbClient dynamo;
    private final String findingsTable;
    private final String incidentsTable;

    public LinkTargets(DynamoDbClient dynamo, String findingsTable, String incidentsTable) {
        this.dynamo = dynamo;
        this.findingsTable = findingsTable;
        this.incidentsTable = incidentsTable;
    }

    public boolean exists(TicketLink link) {
        return switch (link.kind()) {
            case FINDING -> found(findingsTable, Map.of("findingId", AttributeValue.fromS(link.id())), "findingId");
            case INCIDENT -> found(incidentsTable, Map.of("incidentId", AttributeValue.fromS(link.id()),
                    "item", AttributeValue.fromS(IncidentItem.ITEM)), "incidentId");
        };
    }

    private boolean found(String table, Map<String, AttributeValue> key, String projection) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).projectionExpression(projection)).item();
        return item != null && !item.isEmpty();
    }
}
