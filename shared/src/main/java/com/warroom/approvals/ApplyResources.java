package com.warroom.approvals;

import com.warroom.aws.Settings;
import com.warroom.seal.Sealer;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * What an action's applier may use: the DynamoDB client, the clock, the physical names of the tables it writes, and
 * the sealer of the records it changes.
 */
public record ApplyResources(DynamoDbEnhancedClient dynamo, Clock clock, Map<TableDef, String> tableNames, Sealer sealer) {

    public ApplyResources {
        tableNames = Map.copyOf(tableNames);
    }

    /** With the names of every topology table set in this function's environment: for handler no-arg constructors. */
    public static ApplyResources fromSettings(DynamoDbEnhancedClient dynamo, Clock clock, Sealer sealer) {
        Map<TableDef, String> names = new HashMap<>();
        Topology.warroom().tables().forEach(table -> Settings.find(table.envVar()).ifPresent(name -> names.put(table, name)));
        return new ApplyResources(dynamo, clock, names, sealer);
    }

    public String tableName(TableDef table) {
        String name = tableNames.get(table);
        if (name == null) {
            throw new IllegalStateException("no table name for " + table.logicalName() + " (" + table.envVar() + " is not set)");
        }
        return name;
    }
}
