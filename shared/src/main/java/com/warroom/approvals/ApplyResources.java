package com.warroom.approvals;

import com.warroom.aws.Settings;
import com.warroom.topology.TableDef;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** What an action's applier may use: the DynamoDB client, the clock, and the table names of its environment. */
public record ApplyResources(DynamoDbEnhancedClient dynamo, Clock clock) {

    public String tableName(TableDef table) {
        return Settings.require(table.envVar());
    }
}
