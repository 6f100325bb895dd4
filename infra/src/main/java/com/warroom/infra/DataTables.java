package com.warroom.infra;

import com.warroom.topology.IndexDef;
import com.warroom.topology.KeyAttribute;
import com.warroom.topology.TableDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** The DynamoDB tables of the topology; CloudFormation names them, functions learn the names from env vars. */
public final class DataTables extends Construct {

    private final Map<TableDef, Table> tables = new LinkedHashMap<>();

    public DataTables(Construct scope, String id, List<TableDef> definitions) {
        super(scope, id);
        definitions.forEach(definition -> tables.put(definition, build(definition)));
    }

    /** The table built for a definition; a function naming a table outside the topology is a wiring error. */
    public Table table(TableDef definition) {
        Table table = tables.get(definition);
        if (table == null) {
            throw new IllegalArgumentException("table " + definition.logicalName() + " is not in the topology's tables()");
        }
        return table;
    }

    private Table build(TableDef definition) {
        Table table = Table.Builder.create(this, ConstructIds.pascal(definition.logicalName()))
                .partitionKey(attribute(definition.partitionKey()))
                .sortKey(definition.sortKey().map(DataTables::attribute).orElse(null))
                .timeToLiveAttribute(definition.ttlAttribute().orElse(null))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryption(TableEncryption.AWS_MANAGED)
                .build();
        definition.indexes().forEach(index -> table.addGlobalSecondaryIndex(globalIndex(index)));
        return table;
    }

    private static GlobalSecondaryIndexProps globalIndex(IndexDef index) {
        return GlobalSecondaryIndexProps.builder()
                .indexName(index.name())
                .partitionKey(attribute(index.partitionKey()))
                .sortKey(index.sortKey().map(DataTables::attribute).orElse(null))
                .projectionType(ProjectionType.ALL)
                .build();
    }

    private static Attribute attribute(KeyAttribute key) {
        AttributeType type = switch (key.kind()) {
            case STRING -> AttributeType.STRING;
            case NUMBER -> AttributeType.NUMBER;
        };
        return Attribute.builder().name(key.name()).type(type).build();
    }
}
